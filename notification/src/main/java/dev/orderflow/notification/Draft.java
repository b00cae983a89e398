package dev.orderflow.notification;

/**
 * What an event calls for: a message to one recipient, rendered, before it is stored and sent.
 *
 * @param eventId the event's message id
 * @param type the event's type
 * @param recipient an e-mail address
 * @param customerId the customer the event is about; null for an operator alert
 * @param orderId the order the event is about; null for an operator alert
 */
public record Draft(String eventId, String type, String recipient, String customerId, String orderId, String subject,
        String body) {
}
