package dev.orderflow.inventory.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * Inventory's meter (docs/operations.md, "Watching"): {@code inventory.reservations} (tag {@code outcome} reserved or
 * rejected), counted when a reservation's stock is held or refused, a transition under its lease that one worker makes
 * once. A repeated reserve command is answered from the stored reservation and counts nothing; nor does a reserve
 * command refused because the order was released first (RESERVATION_CLOSED, nothing to decide).
 */
// at start: its series exist from then on, at 0, for an alert on their first increase
@Startup
@ApplicationScoped
public class InventoryMetrics {

    private final Counter reserved;
    private final Counter rejected;

    public InventoryMetrics(MeterRegistry registry) {
        this.reserved = reservations(registry, "reserved");
        this.rejected = reservations(registry, "rejected");
    }

    void reserved() {
        reserved.increment();
    }

    void rejected() {
        rejected.increment();
    }

    private static Counter reservations(MeterRegistry registry, String outcome) {
        return Counter.builder("inventory.reservations").description("Reservations whose stock was held, or refused")
                .tag("outcome", outcome).register(registry);
    }
}
