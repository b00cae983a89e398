package dev.orderflow.order.service;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orderflow.common.messaging.Envelope;
import dev.orderflow.contracts.shipping.ShipmentDelivered;
import dev.orderflow.contracts.shipping.ShipmentDispatched;
import dev.orderflow.order.OrderStatus;
import dev.orderflow.order.messaging.OrderEvents;
import dev.orderflow.order.saga.OrderSagaRunner;
import dev.orderflow.order.saga.SagaMove;
import dev.orderflow.order.saga.Transition;
import io.smallrye.mutiny.Uni;

/**
 * The carrier's progress, once the saga is over: a confirmed order becomes SHIPPED, then DELIVERED, each announced by
 * its event. A repeated shipment event changes nothing; one that arrives out of order only records its time.
 */
@ApplicationScoped
public class ShipmentProgress {

    private final OrderSagaRunner orders;

    public ShipmentProgress(OrderSagaRunner orders) {
        this.orders = orders;
    }

    public Uni<SagaMove> onShipmentEvent(Envelope<Object> event) {
        return orders.move(event.correlationId(), (order, now) -> {
            if (order.shipmentEvents.contains(event.messageId())) {
                return Optional.empty();
            }
            order.shipmentEvents.add(event.messageId());
            if (event.payload() instanceof ShipmentDispatched dispatched) {
                order.dispatchedAt = dispatched.at();
                order.moveTo(OrderStatus.SHIPPED, OrderEvents.SHIPPED, now);
            } else if (event.payload() instanceof ShipmentDelivered delivered) {
                order.deliveredAt = delivered.at();
                order.moveTo(OrderStatus.DELIVERED, OrderEvents.DELIVERED, now);
            }
            return Optional.of(new Transition(List.of(), List.of(new Transition.Note("shipping", event.type(), null))));
        });
    }
}
