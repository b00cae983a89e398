package dev.orderflow.common.messaging;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a consumer treats a message whose handling fails. */
@ConfigMapping(prefix = "orderflow.messaging")
public interface MessagingConfig {

    /** Retries in this process before the message goes back to the broker. */
    Retry retry();

    /**
     * How long a send waits for the broker's confirm before it counts as failed. While the broker is away (a restart,
     * a network cut) the client holds messages until it reconnects: a bounded wait turns that into a failure the
     * caller handles (a redelivery, the saga's deadline, an outbox) instead of a request that hangs.
     */
    @WithDefault("10s")
    Duration publishTimeout();

    interface Retry {

        /**
         * How many times a failing handler is tried in-process, with backoff, before the message is handed back to
         * the broker. The broker then redelivers it up to the queue's delivery limit and finally parks it in the
         * dead-letter queue.
         */
        @WithDefault("3")
        int attempts();

        /** The wait before the first retry; it doubles at each retry, up to {@link #maxBackoff()}. */
        @WithDefault("50ms")
        Duration initialBackoff();

        @WithDefault("1s")
        Duration maxBackoff();
    }
}
