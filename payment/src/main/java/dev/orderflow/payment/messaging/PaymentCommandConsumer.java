package dev.orderflow.payment.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import dev.orderflow.common.messaging.Envelope;
import dev.orderflow.common.messaging.MessageTypes;
import dev.orderflow.common.messaging.Messaging;
import dev.orderflow.contracts.payment.ChargePayment;
import dev.orderflow.contracts.payment.RefundPayment;
import dev.orderflow.payment.service.PaymentService;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * The {@code payment.commands} queue: charge and refund for the order saga. Each command is acknowledged once its
 * outcome is stored and its reply confirmed by the broker.
 */
@ApplicationScoped
public class PaymentCommandConsumer {

    static final MessageTypes COMMANDS = MessageTypes.of(ChargePayment.class, RefundPayment.class);

    private final Messaging messaging;
    private final PaymentService payments;
    private final MutinyEmitter<byte[]> replies;

    public PaymentCommandConsumer(Messaging messaging, PaymentService payments,
            @Channel("replies") MutinyEmitter<byte[]> replies) {
        this.messaging = messaging;
        this.payments = payments;
        this.replies = replies;
    }

    @Incoming("commands")
    public Uni<Void> consume(Message<byte[]> message) {
        return messaging.consume(message, COMMANDS,
                command -> handle(command).chain(reply -> messaging.reply(replies, command, reply)));
    }

    private Uni<Object> handle(Envelope<Object> command) {
        if (command.payload() instanceof ChargePayment charge) {
            return payments.charge(charge);
        }
        if (command.payload() instanceof RefundPayment refund) {
            return payments.refund(refund.orderId());
        }
        throw new IllegalStateException("no handler for " + command.type());
    }
}
