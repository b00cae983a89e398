package dev.orderflow.shipping;

import static dev.orderflow.shipping.ShipmentStatus.CANCELLED;
import static dev.orderflow.shipping.ShipmentStatus.DELIVERED;
import static dev.orderflow.shipping.ShipmentStatus.DISPATCHED;
import static dev.orderflow.shipping.ShipmentStatus.IN_TRANSIT;
import static dev.orderflow.shipping.ShipmentStatus.REJECTED;
import static dev.orderflow.shipping.ShipmentStatus.SCHEDULED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ShipmentStatusTest {

    @Test
    void carriersMoveShipmentsForwardOnly() {
        assertEquals(Set.of(DISPATCHED), reachableFrom(SCHEDULED));
        assertEquals(Set.of(IN_TRANSIT, DELIVERED), reachableFrom(DISPATCHED));
        assertEquals(Set.of(DELIVERED), reachableFrom(IN_TRANSIT));
        assertEquals(Set.of(), reachableFrom(DELIVERED));
    }

    @Test
    void cancelledAndRejectedShipmentsNeverMove() {
        assertEquals(Set.of(), reachableFrom(CANCELLED));
        assertEquals(Set.of(), reachableFrom(REJECTED));
    }

    @Test
    void theParcelHasLeftOnceDispatched() {
        assertEquals(EnumSet.of(DISPATCHED, IN_TRANSIT, DELIVERED),
                EnumSet.copyOf(EnumSet.allOf(ShipmentStatus.class).stream().filter(ShipmentStatus::hasLeft).toList()));
    }

    private static Set<ShipmentStatus> reachableFrom(ShipmentStatus from) {
        Set<ShipmentStatus> reachable = EnumSet.noneOf(ShipmentStatus.class);
        for (ShipmentStatus to : ShipmentStatus.values()) {
            if (from.canBecome(to)) {
                reachable.add(to);
            }
        }
        return reachable;
    }
}
