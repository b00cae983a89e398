package dev.orderflow.common.messaging;

import java.io.IOException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import dev.orderflow.common.rest.StrictJson;
import io.smallrye.reactive.messaging.rabbitmq.IncomingRabbitMQMetadata;
import io.smallrye.reactive.messaging.rabbitmq.OutgoingRabbitMQMetadata;

/**
 * Turns an {@link Envelope} into an AMQP message and back: the contract as a JSON body, and message id, correlation
 * id, type and reply-to as AMQP properties. Messages are persistent (delivery mode 2).
 */
@ApplicationScoped
public class MessageCodec {

    static final String CONTENT_TYPE = "application/json";
    static final int PERSISTENT = 2;

    private final ObjectMapper json;
    private final ObjectReader reader;
    private final Validator validator;

    public MessageCodec(ObjectMapper json, Validator validator) {
        this.json = json;
        this.reader = StrictJson.forMessages(json);
        this.validator = validator;
    }

    /** The message for {@code envelope}; with {@code expiresIn} positive, it expires from queues after that long. */
    public Message<byte[]> encode(Envelope<?> envelope, String routingKey, Duration expiresIn) {
        OutgoingRabbitMQMetadata.Builder metadata = OutgoingRabbitMQMetadata.builder()
                .withRoutingKey(routingKey)
                .withMessageId(envelope.messageId())
                .withCorrelationId(envelope.correlationId())
                .withType(envelope.type())
                .withReplyTo(envelope.replyTo())
                .withContentType(CONTENT_TYPE)
                .withDeliveryMode(PERSISTENT)
                .withTimestamp(ZonedDateTime.now());
        if (expiresIn != null && expiresIn.toMillis() > 0) {
            metadata.withExpiration(Long.toString(expiresIn.toMillis()));
        }
        return Message.of(body(envelope.payload()), Metadata.of(metadata.build()));
    }

    /**
     * Reads an incoming message as one of the given contracts, and checks the contract's constraints.
     *
     * @throws UnreadableMessageException when the type is missing or not one of {@code types}, or the body does not
     *         read as that contract or breaks its constraints
     */
    public Envelope<Object> decode(IncomingRabbitMQMetadata metadata, byte[] body, MessageTypes types) {
        String type = metadata.getType()
                .orElseThrow(() -> new UnreadableMessageException("message without a type property"));
        Class<?> contract = types.classOf(type)
                .orElseThrow(
                        () -> new UnreadableMessageException("unknown message type '" + type + "', expected one of " + types));
        String messageId = metadata.getMessageId()
                .orElseThrow(() -> new UnreadableMessageException("message of type " + type + " without a message id"));
        Object payload;
        try {
            payload = reader.forType(contract).readValue(body);
        } catch (IOException e) {
            throw new UnreadableMessageException(
                    "body of " + type + " message " + messageId + " is not valid: " + e.getMessage(), e);
        }
        if (payload == null) {
            throw new UnreadableMessageException("body of " + type + " message " + messageId + " is empty");
        }
        Set<ConstraintViolation<Object>> violations = validator.validate(payload);
        if (!violations.isEmpty()) {
            throw new UnreadableMessageException(type + " message " + messageId + " is invalid: " + violations.stream()
                    .map(violation -> violation.getPropertyPath() + " " + violation.getMessage()).sorted().toList());
        }
        return new Envelope<>(messageId, metadata.getCorrelationId().orElse(null), type, metadata.getReplyTo().orElse(null),
                payload);
    }

    private byte[] body(Object payload) {
        try {
            return json.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + payload.getClass().getName() + " as JSON", e);
        }
    }
}
