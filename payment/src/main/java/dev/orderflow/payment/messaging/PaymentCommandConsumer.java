package dev.orderflow.payment.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import dev.orderflow.common.messaging.CommandHandlers;
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

    private final Messaging messaging;
    private final CommandHandlers handlers;
    private final MutinyEmitter<byte[]> replies;

    public PaymentCommandConsumer(Messaging messaging, PaymentService payments,
            @Channel("replies") MutinyEmitter<byte[]> replies,
            @ConfigProperty(name = "mp.messaging.incoming.commands.routing-keys") List<String> routingKeys) {
        this.messaging = messaging;
        this.replies = replies;
        this.handlers = CommandHandlers.of(
                CommandHandlers.on(ChargePayment.class, payments::charge),
                CommandHandlers.on(RefundPayment.class, refund -> payments.refund(refund.orderId())))
                .requireRoutedBy(routingKeys);
    }

    @Incoming("commands")
    public Uni<Void> consume(Message<byte[]> message) {
        return messaging.serve(message, handlers, replies);
    }
}
