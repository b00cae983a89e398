package dev.orderflow.inventory.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "inventory")
public interface InventoryConfig {

    Reservations reservations();

    DemoCatalogue demoCatalogue();

    interface Reservations {

        /** How long stock stays held for an order that neither commits nor releases it. */
        @WithDefault("30m")
        Duration timeToLive();

        /**
         * How long one worker may hold a reservation while it changes it. Another worker waits for it; if the first
         * crashed, the next one takes over once the lease has run out.
         */
        @WithDefault("10s")
        Duration lease();

        /**
         * How often inventory sweeps: expiring reservations and giving back orphan holds (unconfirmed events are the
         * outbox sweep's, {@code orderflow.outbox.*}).
         */
        @WithDefault("10s")
        Duration sweepInterval();

        /** How many expired reservations one sweep releases at most. */
        @WithDefault("100")
        int sweepBatch();
    }

    interface DemoCatalogue {

        /** Whether to load the demo catalogue on a start with an empty catalogue. */
        @WithDefault("true")
        boolean enabled();
    }
}
