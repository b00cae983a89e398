package dev.orderflow.order.saga;

import java.time.Duration;

import dev.orderflow.contracts.inventory.CommitStock;
import dev.orderflow.contracts.inventory.ReleaseStock;
import dev.orderflow.contracts.inventory.ReserveStock;
import dev.orderflow.contracts.inventory.StockCommitRefused;
import dev.orderflow.contracts.inventory.StockCommitted;
import dev.orderflow.contracts.inventory.StockRejected;
import dev.orderflow.contracts.inventory.StockReserved;
import dev.orderflow.contracts.order.CancellationReason;
import dev.orderflow.contracts.payment.ChargePayment;
import dev.orderflow.contracts.payment.PaymentCharged;
import dev.orderflow.contracts.payment.PaymentDeclined;
import dev.orderflow.contracts.payment.RefundPayment;
import dev.orderflow.contracts.shipping.CancelShipment;
import dev.orderflow.contracts.shipping.ScheduleShipment;
import dev.orderflow.contracts.shipping.ShipmentRejected;
import dev.orderflow.contracts.shipping.ShipmentScheduled;
import dev.orderflow.contracts.shipping.TooLateToCancel;
import dev.orderflow.order.Order;

/**
 * The order saga: reserve stock, charge payment, schedule shipping, commit stock; then the order is CONFIRMED.
 * A rejection undoes the steps done, last first, and the order is CANCELLED with the rejection's reason; a step that
 * stays unanswered past its deadline is sent again, and after its last attempt fails with TIMEOUT.
 */
public final class OrderSaga {

    /** Where participants send their replies: the routing key of the order service's queue on {@code replies}. */
    public static final String REPLY_TO = "order";

    public static final SagaDefinition<Order> DEFINITION = SagaDefinition.<Order> builder()
            .step("reserve-stock")
            .command(order -> new ReserveStock(order.id, order.stockLines()))
            .onReply(StockReserved.class, Order::price)
            .failOn(StockRejected.class,
                    rejected -> new SagaFailure(CancellationReason.of(rejected.reason()), "stock: " + rejected.problems()))
            // releasing also gives back stock already sold to the order (commit-stock needs no compensation of its own)
            .compensateWith(order -> new ReleaseStock(order.id))
            .deadline(Duration.ofSeconds(5)).attempts(3)

            .step("charge-payment")
            .command(order -> new ChargePayment(order.id, order.customerId, order.total, order.currency, order.paymentMethod))
            .onReply(PaymentCharged.class, (order, charged) -> order.paymentId = charged.paymentId())
            .failOn(PaymentDeclined.class,
                    declined -> new SagaFailure(CancellationReason.of(declined.reason()), "payment declined"))
            .compensateWith(order -> new RefundPayment(order.id))
            .deadline(Duration.ofSeconds(10)).attempts(3)

            .step("schedule-shipping")
            .command(order -> new ScheduleShipment(order.id, order.customerId, order.shippingAddress.toContract(),
                    order.shipmentLines(), order.total, order.currency))
            .onReply(ShipmentScheduled.class, Order::ship)
            .failOn(ShipmentRejected.class,
                    rejected -> new SagaFailure(CancellationReason.of(rejected.reason()), rejected.detail()))
            .compensateWith(order -> new CancelShipment(order.id))
            // the parcel left already: nothing before it is undone either
            .compensationRefusedBy(TooLateToCancel.class)
            .deadline(Duration.ofSeconds(5)).attempts(3)

            .step("commit-stock")
            .command(order -> new CommitStock(order.id))
            .onReply(StockCommitted.class, (order, committed) -> {
            })
            .failOn(StockCommitRefused.class, refused -> new SagaFailure(CancellationReason.of(refused.reservationStatus()),
                    "the reservation was " + refused.reservationStatus() + " before it could be committed"))
            .deadline(Duration.ofSeconds(5)).attempts(3)

            .build();

    private OrderSaga() {
    }
}
