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
    }

    interface Step {

        Optional<Duration> deadline();

        Optional<Integer> attempts();
    }

    interface Events {

        /** How often an order's status is looked at for its server-sent events stream. */
        @WithDefault("250ms")
        Duration pollInterval();
    }
}
