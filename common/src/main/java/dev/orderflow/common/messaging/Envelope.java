package dev.orderflow.common.messaging;

import java.util.Objects;
import java.util.UUID;

/**
 * A message as the services see it: a contract (the JSON body) and the AMQP properties every message carries.
 *
 * @param messageId unique per message, and stable across re-sends of the same message, so receivers can recognise a
 *        duplicate; deterministic for commands (order id, step, action) and their replies
 * @param correlationId the order the message is about
 * @param type the contract's {@link MessageType} name
 * @param replyTo for a command, the routing key on the {@code replies} exchange that its reply goes to
 * @param payload the contract
 */
public record Envelope<T>(String messageId, String correlationId, String type, String replyTo, T payload) {

    /** Suffix of a reply's message id: a reply's id is its command's id plus this, the same on every re-send. */
    public static final String REPLY_SUFFIX = ":reply";

    public Envelope {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(payload, "payload");
    }

    /** A message with the given id about the given order. */
    public static <T> Envelope<T> of(String messageId, String correlationId, T payload) {
        return new Envelope<>(messageId, correlationId, MessageTypes.nameOf(payload.getClass()), null, payload);
    }

    /** A message with a fresh random id, for events that nobody re-sends under the same identity. */
    public static <T> Envelope<T> of(String correlationId, T payload) {
        return of(UUID.randomUUID().toString(), correlationId, payload);
    }

    /** This message, asking for its reply on the given routing key of the {@code replies} exchange. */
    public Envelope<T> withReplyTo(String replyRoutingKey) {
        return new Envelope<>(messageId, correlationId, type, replyRoutingKey, payload);
    }

    /** The reply to this message: same correlation, and an id derived from this message's id. */
    public <R> Envelope<R> reply(R replyPayload) {
        return of(messageId + REPLY_SUFFIX, correlationId, replyPayload);
    }
}
