package dev.orderflow.common.messaging;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;

import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;

/**
 * The in-process retry of a failing message handler, before {@link Messaging} hands the message back to the broker
 * (which redelivers it up to the queue's delivery limit, then parks it in {@code <queue>.dlq}): 3 attempts, the
 * retries 50 ms apart, then doubling up to 1 s. A handler that fails with {@link UnreadableMessageException} is not
 * retried: no attempt can read the message.
 * <p>
 * Each setting is a fault tolerance key, for instance
 * {@code quarkus.fault-tolerance."dev.orderflow.common.messaging.HandlerRetry/handle".retry.max-retries}; the retries
 * show in the {@code ft_*} metrics with the tag {@code method="dev.orderflow.common.messaging.HandlerRetry.handle"}.
 */
@ApplicationScoped
public class HandlerRetry {

    /**
     * Runs {@code handler} on {@code envelope}, again after each failure as long as attempts are left. Every attempt
     * runs on {@code messageContext} (when there is one), with the message's trace and MDC: fault tolerance starts a
     * retry, after its backoff, on the event loop the call came from, or on a worker thread, and the attempt goes back
     * to the message's own context from there.
     */
    @AsynchronousNonBlocking
    @Retry(maxRetries = 2, delay = 50, jitter = 25, abortOn = UnreadableMessageException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 1000)
    public Uni<Void> handle(Envelope<Object> envelope, Function<Envelope<Object>, Uni<Void>> handler,
            Context messageContext) {
        Uni<Void> attempt = Uni.createFrom().deferred(() -> handler.apply(envelope));
        if (messageContext == null) {
            return attempt;
        }
        return attempt.runSubscriptionOn(task -> {
            if (io.vertx.core.Vertx.currentContext() == messageContext) {
                task.run();
            } else {
                messageContext.runOnContext(ignored -> task.run());
            }
        });
    }
}
