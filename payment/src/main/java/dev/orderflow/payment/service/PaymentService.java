package dev.orderflow.payment.service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.conversions.Bson;
import org.jboss.logging.Logger;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import dev.orderflow.common.http.TransientHttpException;
import dev.orderflow.common.rest.Page;
import dev.orderflow.common.rest.ProblemException;
import dev.orderflow.common.security.Caller;
import dev.orderflow.common.store.MongoSupport;
import dev.orderflow.common.store.Paging;
import dev.orderflow.common.store.StoreRetry;
import dev.orderflow.contracts.payment.ChargePayment;
import dev.orderflow.payment.Payment;
import dev.orderflow.payment.PaymentStatus;
import dev.orderflow.payment.gateway.PaymentGateway;
import dev.orderflow.payment.repository.PaymentRepository;
import io.smallrye.mutiny.Uni;

/**
 * Charge and refund for the order saga. The payment document is the order's single record: created PENDING before the
 * gateway is asked, then moved on with one conditional update. The gateway is idempotent per order, so a command
 * handled twice (redelivered, or by two workers at once) asks it the same question twice and gets the same answer.
 * <p>
 * When the gateway cannot be reached even after the client's retries ({@link PaymentGateway.ProviderUnavailable}), the
 * command fails and the broker redelivers it; the payment stays PENDING meanwhile, and a refund of a PENDING payment
 * settles it at the gateway.
 * <p>
 * Operators and customers read the payments as they stand: one by id, or listed.
 */
@ApplicationScoped
public class PaymentService {

    private static final Logger LOG = Logger.getLogger(PaymentService.class);

    private final PaymentRepository payments;
    private final PaymentGateway gateway;
    private final PaymentMetrics metrics;
    private final Clock clock;
    private final StoreRetry storeRetry;

    public PaymentService(PaymentRepository payments, PaymentGateway gateway, PaymentMetrics metrics, Clock clock,
            StoreRetry storeRetry) {
        this.payments = payments;
        this.gateway = gateway;
        this.metrics = metrics;
        this.clock = clock;
        this.storeRetry = storeRetry;
    }

    /** payment.charge: replies {@code PaymentCharged} or {@code PaymentDeclined}. */
    public Uni<Object> charge(ChargePayment command) {
        Payment fresh = pending(command);
        return payments.persist(fresh).replaceWith(fresh)
                .onFailure(MongoSupport::isDuplicateKey).recoverWithUni(() -> payments.findByOrderId(command.orderId()))
                .chain(payment -> payment.status == PaymentStatus.PENDING ? chargeAtGateway(payment)
                        : Uni.createFrom().item(payment))
                .map(PaymentReplies::charge);
    }

    /** payment.refund: replies {@code PaymentRefunded} or {@code NothingToRefund}. */
    public Uni<Object> refund(String orderId) {
        return payments.findByOrderId(orderId).chain(payment -> {
            if (payment == null) {
                return closeUncharged(orderId);
            }
            return switch (payment.status) {
                case CAPTURED, PENDING -> refundAtGateway(payment);
                default -> Uni.createFrom().item(payment);
            };
        }).map(PaymentReplies::refund);
    }

    /**
     * Payments newest first, of the order, of the customer and in the status given; a null filter matches all. A
     * customer's listing has only their own payments ({@link Caller#listedCustomer}).
     */
    public Uni<Page<Payment>> list(Caller caller, String orderId, String customerId, PaymentStatus status, int page,
            int size) {
        if (!caller.mayList(customerId)) {
            return Uni.createFrom().item(Page.empty(page, size));
        }
        var filter = Paging.filter().eq("orderId", orderId).eq("customerId", caller.listedCustomer(customerId))
                .eq("status", status);
        return Paging.page(storeRetry, payments.find(filter.toDocument(), Paging.NEWEST_FIRST), page, size);
    }

    /** The payment, if the caller may see it; else 404, as for a payment that does not exist. */
    public Uni<Payment> get(Caller caller, String id) {
        return caller.ifSees(payments.findById(id), payment -> payment.customerId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No payment with id " + id));
    }

    private Uni<Payment> chargeAtGateway(Payment payment) {
        var request = new PaymentGateway.ChargeRequest(payment.orderId, payment.customerId, payment.amount,
                payment.currency, payment.paymentMethod);
        return gateway.charge(request).chain(result -> {
            Instant now = clock.instant();
            if (result instanceof PaymentGateway.Approved approved) {
                return settle(payment, PaymentStatus.CAPTURED, Updates.set("gatewayChargeId", approved.chargeId()),
                        Updates.set("capturedAt", now));
            }
            if (result instanceof PaymentGateway.Declined declined) {
                return settle(payment, PaymentStatus.DECLINED, Updates.set("declineReason", declined.reason()),
                        Updates.set("closedAt", now));
            }
            return unavailable(payment, (PaymentGateway.ProviderUnavailable) result);
        }).invoke(settled -> LOG.infof("Order %s: payment %s %s", settled.orderId, settled.id, settled.status));
    }

    /**
     * Refunds what the gateway charged for the order, by the charge's id once captured. A PENDING payment may or may
     * not have been charged (its worker is still waiting, or gave up), and its charge's id is unknown: the gateway
     * knows the order, and closes it so that the waiting charge cannot succeed afterwards.
     */
    private Uni<Payment> refundAtGateway(Payment payment) {
        return refundAtGateway(payment, payment.gatewayChargeId)
                .invoke(settled -> LOG.infof("Order %s: payment %s %s", settled.orderId, settled.id, settled.status));
    }

    /**
     * Refunds by {@code chargeId}, or by the order's reference when it is null; a charge id the provider does not know
     * is asked again by the reference, so the refund ends (refunded, or voided when the provider charged nothing for
     * the order) instead of failing for ever while the saga keeps sending it.
     */
    private Uni<Payment> refundAtGateway(Payment payment, String chargeId) {
        return gateway.refund(new PaymentGateway.RefundRequest(payment.orderId, chargeId)).chain(result -> {
            Instant now = clock.instant();
            if (result instanceof PaymentGateway.Refunded refunded) {
                List<Bson> changes = new ArrayList<>(List.of(Updates.set("gatewayRefundId", refunded.refundId()),
                        Updates.set("gatewayChargeId", refunded.chargeId()), Updates.set("closedAt", now)));
                if (payment.capturedAt == null) {
                    changes.add(Updates.set("capturedAt", now));
                }
                return settle(payment, PaymentStatus.REFUNDED, changes.toArray(Bson[]::new));
            }
            if (result instanceof PaymentGateway.NothingCharged) {
                return settle(payment, PaymentStatus.VOIDED, Updates.set("closedAt", now));
            }
            if (result instanceof PaymentGateway.UnknownCharge unknown) {
                LOG.warnf("Order %s: the payment provider knows no charge %s (payment %s); asking by the order's reference",
                        payment.orderId, unknown.chargeId(), payment.id);
                return refundAtGateway(payment, null);
            }
            return unavailable(payment, (PaymentGateway.ProviderUnavailable) result);
        });
    }

    /**
     * The provider stayed unavailable: the payment stays as it is and the command fails, to be tried again (the broker
     * redelivers it, the saga re-sends it past its deadline). Never a decline: nothing is known of the charge.
     */
    private static Uni<Payment> unavailable(Payment payment, PaymentGateway.ProviderUnavailable unavailable) {
        return Uni.createFrom().failure(new TransientHttpException("payment provider unavailable for order "
                + payment.orderId + " (payment " + payment.id + " stays " + payment.status + "): " + unavailable.cause()));
    }

    /**
     * A refund for an order that was never charged: records the payment as closed, so that a charge arriving late
     * (stuck in a queue while the saga gave up) is declined instead of taking money nobody will give back.
     */
    private Uni<Payment> closeUncharged(String orderId) {
        Payment closed = new Payment();
        closed.id = newId();
        closed.orderId = orderId;
        closed.status = PaymentStatus.VOIDED;
        closed.createdAt = clock.instant();
        closed.closedAt = closed.createdAt;
        closed.updatedAt = closed.createdAt;
        return payments.persist(closed).replaceWith(closed)
                .onFailure(MongoSupport::isDuplicateKey)
                .recoverWithUni(() -> refund(orderId).chain(() -> payments.findByOrderId(orderId)))
                .invoke(() -> LOG.infof("Order %s: refund before any charge, payment closed", orderId));
    }

    /**
     * Moves the payment on if it is still where this worker found it (and counts it: {@link PaymentMetrics}); if
     * another worker moved it first, what that worker recorded stands.
     */
    private Uni<Payment> settle(Payment payment, PaymentStatus to, Bson... changes) {
        List<Bson> update = new ArrayList<>(List.of(changes));
        update.add(Updates.set("status", to));
        update.add(Updates.set("updatedAt", clock.instant()));
        update.add(Updates.inc("version", 1));
        return storeRetry.call(() -> payments.mongoCollection()
                .findOneAndUpdate(Filters.and(Filters.eq("_id", payment.id), Filters.eq("status", payment.status)),
                        Updates.combine(update), MongoSupport.RETURN_AFTER))
                .onItem().ifNotNull().invoke(moved -> metrics.settled(to))
                .onItem().ifNull().switchTo(() -> payments.findById(payment.id));
    }

    private Payment pending(ChargePayment command) {
        Instant now = clock.instant();
        Payment payment = new Payment();
        payment.id = newId();
        payment.orderId = command.orderId();
        payment.customerId = command.customerId();
        payment.amount = command.amount();
        payment.currency = command.currency();
        payment.paymentMethod = command.paymentMethod();
        payment.status = PaymentStatus.PENDING;
        payment.createdAt = now;
        payment.updatedAt = now;
        return payment;
    }

    private static String newId() {
        return "pay-" + UUID.randomUUID();
    }

}
