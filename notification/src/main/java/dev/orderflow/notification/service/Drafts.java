package dev.orderflow.notification.service;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orderflow.common.messaging.MessageTypes;
import dev.orderflow.common.messaging.UnreadableMessageException;
import dev.orderflow.contracts.inventory.LowStock;
import dev.orderflow.contracts.order.OrderCancelled;
import dev.orderflow.contracts.order.OrderConfirmed;
import dev.orderflow.contracts.order.OrderDelivered;
import dev.orderflow.contracts.order.OrderShipped;
import dev.orderflow.notification.Draft;
import dev.orderflow.notification.config.NotificationConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Turns an event into the message it calls for, from its template in {@code templates/notifications/}: one per event
 * type, with a {@code subject} and a {@code body} fragment. Order events go to the customer's address, low-stock
 * alerts to the operator's.
 */
@ApplicationScoped
public class Drafts {

    @CheckedTemplate(basePath = "notifications", defaultName = CheckedTemplate.HYPHENATED_ELEMENT_NAME)
    static class Templates {
        static native TemplateInstance orderConfirmed$subject(OrderConfirmed event);

        static native TemplateInstance orderConfirmed$body(OrderConfirmed event);

        static native TemplateInstance orderCancelled$subject(OrderCancelled event);

        static native TemplateInstance orderCancelled$body(OrderCancelled event, String reason);

        static native TemplateInstance orderShipped$subject(OrderShipped event);

        static native TemplateInstance orderShipped$body(OrderShipped event);

        static native TemplateInstance orderDelivered$subject(OrderDelivered event);

        static native TemplateInstance orderDelivered$body(OrderDelivered event);

        static native TemplateInstance lowStock$subject(LowStock event);

        static native TemplateInstance lowStock$body(LowStock event);
    }

    private final String operatorEmail;

    public Drafts(NotificationConfig config) {
        this.operatorEmail = config.operatorEmail();
    }

    /**
     * The message for the event with the given id. An order event without the customer's address cannot be notified:
     * it is refused as unreadable, and parked.
     */
    public Draft of(String eventId, Object event) {
        String type = MessageTypes.nameOf(event.getClass());
        if (event instanceof OrderConfirmed confirmed) {
            return toCustomer(eventId, type, confirmed.customerEmail(), confirmed.customerId(), confirmed.orderId(),
                    Templates.orderConfirmed$subject(confirmed), Templates.orderConfirmed$body(confirmed));
        }
        if (event instanceof OrderCancelled cancelled) {
            return toCustomer(eventId, type, cancelled.customerEmail(), cancelled.customerId(), cancelled.orderId(),
                    Templates.orderCancelled$subject(cancelled),
                    Templates.orderCancelled$body(cancelled, CancellationReasons.describe(cancelled.reason())));
        }
        if (event instanceof OrderShipped shipped) {
            return toCustomer(eventId, type, shipped.customerEmail(), shipped.customerId(), shipped.orderId(),
                    Templates.orderShipped$subject(shipped), Templates.orderShipped$body(shipped));
        }
        if (event instanceof OrderDelivered delivered) {
            return toCustomer(eventId, type, delivered.customerEmail(), delivered.customerId(), delivered.orderId(),
                    Templates.orderDelivered$subject(delivered), Templates.orderDelivered$body(delivered));
        }
        if (event instanceof LowStock low) {
            return new Draft(eventId, type, operatorEmail, null, null, render(Templates.lowStock$subject(low)),
                    render(Templates.lowStock$body(low)));
        }
        throw new UnreadableMessageException("no notification for " + type + " event " + eventId);
    }

    private static Draft toCustomer(String eventId, String type, String email, String customerId, String orderId,
            TemplateInstance subject, TemplateInstance body) {
        if (email == null || email.isBlank()) {
            throw new UnreadableMessageException(type + " event " + eventId + " has no customer e-mail address");
        }
        return new Draft(eventId, type, email.strip(), customerId, orderId, render(subject), render(body));
    }

    private static String render(TemplateInstance template) {
        return template.render().strip();
    }
}
