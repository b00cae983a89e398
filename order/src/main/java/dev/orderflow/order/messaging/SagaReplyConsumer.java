package dev.orderflow.order.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import dev.orderflow.common.messaging.MessageTypes;
import dev.orderflow.common.messaging.Messaging;
import dev.orderflow.contracts.inventory.StockCommitRefused;
import dev.orderflow.contracts.inventory.StockCommitted;
import dev.orderflow.contracts.inventory.StockRejected;
import dev.orderflow.contracts.inventory.StockReleased;
import dev.orderflow.contracts.inventory.StockReserved;
import dev.orderflow.contracts.payment.NothingToRefund;
import dev.orderflow.contracts.payment.PaymentCharged;
import dev.orderflow.contracts.payment.PaymentDeclined;
import dev.orderflow.contracts.payment.PaymentRefunded;
import dev.orderflow.contracts.shipping.ShipmentCancelled;
import dev.orderflow.contracts.shipping.ShipmentRejected;
import dev.orderflow.contracts.shipping.ShipmentScheduled;
import dev.orderflow.contracts.shipping.TooLateToCancel;
import dev.orderflow.order.saga.OrderSagaRunner;
import dev.orderflow.order.tracing.SagaSpans;
import io.smallrye.mutiny.Uni;

/**
 * The {@code order.replies} queue: every participant's replies to the saga's commands, each moving the saga on in a span
 * of the reply's trace ({@link SagaSpans}).
 */
@ApplicationScoped
public class SagaReplyConsumer {

    static final MessageTypes REPLIES = MessageTypes.of(
            StockReserved.class, StockRejected.class, StockReleased.class, StockCommitted.class, StockCommitRefused.class,
            PaymentCharged.class, PaymentDeclined.class, PaymentRefunded.class, NothingToRefund.class,
            ShipmentScheduled.class, ShipmentRejected.class, ShipmentCancelled.class, TooLateToCancel.class);

    private final Messaging messaging;
    private final OrderSagaRunner saga;
    private final SagaSpans spans;

    public SagaReplyConsumer(Messaging messaging, OrderSagaRunner saga, SagaSpans spans) {
        this.messaging = messaging;
        this.saga = saga;
        this.spans = spans;
    }

    @Incoming("replies")
    public Uni<Void> consume(Message<byte[]> message) {
        return messaging.consume(message, REPLIES, reply -> spans.reply(reply, () -> saga.onReply(reply)).replaceWithVoid());
    }
}
