package dev.orderflow.common.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * A send to the broker, complete when the broker has confirmed it (publisher confirms are on for every channel). Each
 * attempt waits at most 5 s for the confirm: while the broker is away (a restart, a network cut) the client holds
 * messages until it reconnects, and a bounded wait turns that into a failure instead of a send that hangs. A send that
 * failed (no confirm in time, a nack, a closed channel) is tried twice more, 100 ms then 200 ms later (up to 1 s),
 * before the caller gets the failure (to handle by a redelivery, the saga's deadline, an outbox).
 * <p>
 * Sending again is safe: the message is the same, with the same message id, on every attempt, and every consumer
 * handles a message id once, so a message that reached the broker although its confirm did not reach us is a
 * duplicate the consumer ignores.
 * <p>
 * Each setting is a fault tolerance key, for instance
 * {@code quarkus.fault-tolerance."dev.orderflow.common.messaging.Publisher/send".timeout.value}; the attempts show in
 * the {@code ft_*} metrics with the tag {@code method="dev.orderflow.common.messaging.Publisher.send"}.
 */
@ApplicationScoped
public class Publisher {

    @AsynchronousNonBlocking
    @Timeout(5000)
    @Retry(maxRetries = 2, delay = 100, jitter = 50)
    @ExponentialBackoff(factor = 2, maxDelay = 1000)
    public Uni<Void> send(MutinyEmitter<byte[]> channel, Message<byte[]> message) {
        // a nack comes as a bare Throwable (Vert.x's NoStackTraceThrowable), which fault tolerance would not retry
        return channel.sendMessage(message).onFailure(failure -> !(failure instanceof Exception))
                .transform(nack -> new IllegalStateException(nack.getMessage(), nack));
    }
}
