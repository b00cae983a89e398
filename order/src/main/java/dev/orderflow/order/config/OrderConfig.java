package dev.orderflow.order.config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "order")
public interface OrderConfig {

    Saga saga();

    Events events();

    Admission admission();

    IdempotencyKeys idempotencyKeys();

    RateLimit rateLimit();

    /** How many orders one customer may place ({@code CustomerRateLimit}). */
    interface RateLimit {

        /**
         * Orders a second one customer id may place, in bursts of as many (rounded up); beyond it {@code POST /orders}
         * answers 429 with Retry-After. 0 takes every order. {@code ORDER_RATE_LIMIT_PER_CUSTOMER} in the environment.
         */
        @WithDefault("2")
        double perCustomer();

        /** Customers counted at once in this instance's memory; those whose allowance is whole again are dropped first. */
        @WithDefault("100000")
        int maxCustomers();
    }

    interface IdempotencyKeys {

        /**
         * How long an Idempotency-Key is remembered: after that, the same key places a new order. The store's TTL index
         * removes older keys (MongoDB within a minute or so; a key older than this is treated as gone even before).
         */
        @WithDefault("24h")
        Duration ttl();
    }

    interface Saga {

        /** How often the recovery loop looks for sagas past their deadline. */
        @WithDefault("1s")
        Duration sweepInterval();

        /** How many overdue sagas one sweep moves on at most. */
        @WithDefault("200")
        int sweepBatch();

        /**
         * Per step (by its name in {@code OrderSaga}), a deadline and attempts replacing the definition's, for
         * instance {@code order.saga.steps."reserve-stock".deadline=2s}.
         */
        Map<String, Step> steps();

        /**
         * How many orders whose saga runs this instance keeps as it last stored them, so that a reply is decided
         * without reading the order first ({@code OrderCache}); 0 reads every time.
         */
        @WithDefault("5000")
        int cachedOrders();
    }

    /**
     * What the service takes on: beyond {@link #maxInFlight()} sagas under way, a new order is refused at once with
     * 503 and Retry-After, nothing stored, rather than queued behind the others until the steps' deadlines pass and
     * the re-sends multiply the load.
     */
    interface Admission {

        /**
         * Sagas under way (PENDING or COMPENSATING) at which {@code POST /orders} answers 503; 0 admits all. An order
         * waits about this many divided by the rate the system completes them: keep that well under the first step's
         * deadline (5 s), so that no command is sent again only because its queue was long.
         */
        @WithDefault("100")
        int maxInFlight();

        /** The Retry-After a refused client is given. */
        @WithDefault("1s")
        Duration retryAfter();
    }

    interface Step {

        Optional<Duration> deadline();

        Optional<Integer> attempts();
    }

    /**
     * The {@code GET /orders/{id}/events} streams: each is pushed its order's status changes as this instance stores
     * them, and reads the order only to catch up with another replica's changes ({@code OrderStatusStreams}).
     */
    interface Events {

        /**
         * How often an open stream is sent a heartbeat comment; a stream pushed nothing since the previous heartbeat
         * also reads its order then, once, and sends the status if another replica changed it.
         */
        @WithDefault("15s")
        Duration heartbeatInterval();

        /** A stream whose order's status has not changed for this long is closed; the client may open it again. */
        @WithDefault("5m")
        Duration idleTimeout();

        /** Open streams at which this instance answers a new one with 503 and Retry-After; 0 opens all. */
        @WithDefault("1000")
        int maxStreams();

        /** The Retry-After a refused stream is given. */
        @WithDefault("5s")
        Duration retryAfter();
    }
}
