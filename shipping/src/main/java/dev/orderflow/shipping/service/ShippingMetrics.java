package dev.orderflow.shipping.service;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orderflow.shipping.Shipment;
import dev.orderflow.shipping.ShipmentStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * Shipping's meter (docs/operations.md, "Watching"): {@code shipping.shipments} (tag {@code outcome} scheduled or
 * rejected), counted when a schedule command's shipment is inserted: the order's unique index lets one insert win, and
 * a repeated command is answered from the stored shipment, counting nothing.
 */
// at start: its series exist from then on, at 0, for an alert on their first increase
@Startup
@ApplicationScoped
public class ShippingMetrics {

    private final Counter scheduled;
    private final Counter rejected;

    public ShippingMetrics(MeterRegistry registry) {
        this.scheduled = shipments(registry, "scheduled");
        this.rejected = shipments(registry, "rejected");
    }

    /** This worker stored the order's shipment, booked or refused. */
    void booked(Shipment shipment) {
        if (shipment.status == ShipmentStatus.SCHEDULED) {
            scheduled.increment();
        } else if (shipment.status == ShipmentStatus.REJECTED) {
            rejected.increment();
        }
    }

    private static Counter shipments(MeterRegistry registry, String outcome) {
        return Counter.builder("shipping.shipments").description("Shipments scheduled with a carrier, or refused")
                .tag("outcome", outcome).register(registry);
    }
}
