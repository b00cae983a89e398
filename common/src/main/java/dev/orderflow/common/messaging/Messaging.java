package dev.orderflow.common.messaging;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import dev.orderflow.common.logging.Masked;
import dev.orderflow.common.tracing.Traces;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.rabbitmq.IncomingRabbitMQMetadata;
import io.smallrye.reactive.messaging.rabbitmq.RabbitMQRejectMetadata;
import io.vertx.core.Vertx;

/**
 * Sends and consumes {@link Envelope}s by the project's rules (design brief, section 4):
 * <ul>
 * <li>a send completes only when the broker has confirmed the message, and is tried again when no confirm comes in
 * time ({@link Publisher});</li>
 * <li>a consumed message is acknowledged only after its handler has completed, that is after its effect is stored and
 * its reply or event confirmed, and only while the channel it came in on is open: once that channel closed, or the
 * client reconnected, the broker has it back already and delivers it again ({@link DeliveryChannel});</li>
 * <li>a failing handler is retried in-process with backoff ({@link HandlerRetry}), then the message goes back to the
 * broker, which redelivers it up to the queue's delivery limit and then parks it in {@code <queue>.dlq};</li>
 * <li>an unreadable message (unknown type, a body that is not the contract or breaks its constraints) is parked at
 * once, and so is one whose handler fails with {@link UnreadableMessageException}: no retry can help them.</li>
 * </ul>
 * What it parks is counted, by queue and why ({@link ParkedMessages}).
 * <p>
 * Every message carries the W3C trace context of the span it was sent in (the connector's {@code traceparent} header):
 * a consumed message's handler runs in the connector's span for it, whose trace it continues, and with its order id
 * (the correlation id) in the MDC of every log line it writes.
 */
@ApplicationScoped
public class Messaging {

    private static final Logger LOG = Logger.getLogger(Messaging.class);

    private static final Metadata PARK = Metadata.of(new RabbitMQRejectMetadata(false));
    private static final Metadata REDELIVER = Metadata.of(new RabbitMQRejectMetadata(true));

    private final MessageCodec codec;
    private final Publisher publisher;
    private final HandlerRetry handlerRetry;
    private final ParkedMessages parked;

    public Messaging(MessageCodec codec, Publisher publisher, HandlerRetry handlerRetry, ParkedMessages parked) {
        this.codec = codec;
        this.publisher = publisher;
        this.handlerRetry = handlerRetry;
        this.parked = parked;
    }

    /** Publishes a command or an event; it is routed by its type. */
    public Uni<Void> publish(MutinyEmitter<byte[]> channel, Envelope<?> envelope) {
        return publish(channel, envelope, null);
    }

    /**
     * Publishes a message that is worth nothing after {@code expiresIn}: the broker drops it from its queue if no
     * consumer took it by then (and dead-letters it, reason {@code expired}), so that a message sent again in its
     * place never waits behind it. A null or non-positive {@code expiresIn} sets no expiry.
     */
    public Uni<Void> publish(MutinyEmitter<byte[]> channel, Envelope<?> envelope, Duration expiresIn) {
        return send(channel, codec.encode(envelope, envelope.type(), expiresIn), envelope, Context.current());
    }

    /**
     * Publishes a message in the trace of {@code traceparent} (one stored with what the message is about) rather than
     * the current one: for what is sent later than the change that caused it, by a sweep. A null traceparent is the
     * current trace.
     */
    public Uni<Void> publishInTrace(MutinyEmitter<byte[]> channel, Envelope<?> envelope, String traceparent) {
        return send(channel, codec.encode(envelope, envelope.type(), null), envelope, Traces.parent(traceparent));
    }

    /** Sends the reply to a command to where the command asked for it (its reply-to routing key). */
    public Uni<Void> reply(MutinyEmitter<byte[]> channel, Envelope<?> command, Object reply) {
        if (command.replyTo() == null) {
            return Uni.createFrom().failure(new IllegalStateException(
                    command.type() + " message " + command.messageId() + " has no reply-to: nowhere to send " + reply));
        }
        Envelope<Object> answer = command.reply(reply);
        return send(channel, codec.encode(answer, command.replyTo(), null), answer, Context.current());
    }

    /**
     * Sends in the trace of {@code parent}: named on the message, the connector's span for the send is its child
     * whichever thread the connector sends on.
     */
    private Uni<Void> send(MutinyEmitter<byte[]> channel, Message<byte[]> message, Envelope<?> envelope, Context parent) {
        return publisher.send(channel, message.addMetadata(TracingMetadata.withCurrent(parent)))
                .onFailure().transform(failure -> new IllegalStateException(
                        "the broker did not confirm " + envelope.type() + " message " + envelope.messageId(), failure));
    }

    /**
     * Reads {@code message} as one of {@code types} and starts {@code handler} on it, then returns at once: the next
     * message is taken while this one is handled, so a consumer handles up to its prefetch
     * ({@code max-outstanding-messages}) messages at the same time, none of them blocking a thread. Each message is
     * settled with the broker when its handler ends ({@link #handle}).
     */
    public Uni<Void> consume(Message<byte[]> message, MessageTypes types, Function<Envelope<Object>, Uni<Void>> handler) {
        handle(message, types, handler).subscribe().with(settled -> {
        }, failure -> LOG.errorf(failure, "Message %s could not be settled; the broker delivers it again",
                message.getMetadata(IncomingRabbitMQMetadata.class).flatMap(IncomingRabbitMQMetadata::getMessageId)
                        .orElse("?")));
        return Uni.createFrom().voidItem();
    }

    /**
     * Carries out a command read as one of {@code handlers}' types (as {@link #consume} does) and replies where the
     * command asked, the message being settled once the reply is confirmed by the broker.
     */
    public Uni<Void> serve(Message<byte[]> message, CommandHandlers handlers, MutinyEmitter<byte[]> replies) {
        return consume(message, handlers.types(),
                command -> handlers.handle(command).chain(answer -> reply(replies, command, answer)));
    }

    /**
     * Reads {@code message} as one of {@code types}, runs {@code handler} on it, and settles the message with the
     * broker. The returned Uni completes once the message is settled.
     */
    Uni<Void> handle(Message<byte[]> message, MessageTypes types, Function<Envelope<Object>, Uni<Void>> handler) {
        IncomingRabbitMQMetadata metadata = message.getMetadata(IncomingRabbitMQMetadata.class)
                .orElseThrow(() -> new IllegalArgumentException("not a RabbitMQ message"));
        DeliveryChannel channel = DeliveryChannel.of(message);
        Envelope<Object> envelope;
        try {
            envelope = codec.decode(metadata, message.getPayload(), types);
        } catch (UnreadableMessageException e) {
            LOG.warnf("Parking unreadable message %s from %s (order %s): %s", metadata.getMessageId().orElse("?"),
                    metadata.getRoutingKey(), metadata.getCorrelationId().orElse("?"), Masked.emailsIn(e.getMessage()));
            return settle(channel, metadata, () -> message.nack(e, PARK), () -> parked.unreadable(metadata));
        }
        Traces.aboutOrder(envelope.correlationId());
        Uni<Void> handled = handlerRetry.handle(envelope, handler, Vertx.currentContext());
        return handled.onItemOrFailure().transformToUni((ignored, failure) -> {
            if (failure == null) {
                return settle(channel, metadata, message::ack, () -> {
                });
            }
            if (failure instanceof UnreadableMessageException) {
                LOG.warnf("Parking %s message %s (order %s): %s", envelope.type(), envelope.messageId(),
                        envelope.correlationId(), Masked.emailsIn(failure.getMessage()));
                return settle(channel, metadata, () -> message.nack(failure, PARK), () -> parked.unreadable(metadata));
            }
            LOG.warnf(failure, "Handling %s message %s failed (order %s, delivery %s); handing it back to the broker",
                    envelope.type(), envelope.messageId(), envelope.correlationId(), deliveryCount(metadata));
            return settle(channel, metadata, () -> message.nack(failure, REDELIVER), () -> parked.handedBack(metadata));
        });
    }

    /**
     * Settles the message on the channel it came in on, then runs {@code settled}; or, when that channel is gone (closed,
     * or replaced by a reconnection meanwhile), leaves it: the broker took it back when the channel closed, and delivers
     * it again ({@link DeliveryChannel}).
     */
    private static Uni<Void> settle(DeliveryChannel channel, IncomingRabbitMQMetadata metadata,
            Supplier<CompletionStage<Void>> settlement, Runnable settled) {
        if (channel.isGone()) {
            LOG.infof("Message %s from %s not settled: the channel it came in on is gone, and the broker delivers it "
                    + "again", metadata.getMessageId().orElse("?"), metadata.getRoutingKey());
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().completionStage(settlement).invoke(settled);
    }

    /** How many times the broker delivered this message before (quorum queues count it in x-delivery-count). */
    private static long deliveryCount(IncomingRabbitMQMetadata metadata) {
        Object count = metadata.getHeaders().get("x-delivery-count");
        return count instanceof Number number ? number.longValue() + 1 : 1;
    }
}
