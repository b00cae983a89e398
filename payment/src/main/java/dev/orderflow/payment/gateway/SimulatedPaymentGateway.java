package dev.orderflow.payment.gateway;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

import dev.orderflow.common.store.MongoSupport;
import dev.orderflow.contracts.payment.PaymentDeclined;
import dev.orderflow.payment.config.PaymentConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.DefaultBean;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;

/**
 * The default gateway: a deterministic simulator that tests and users steer with the payment method token (see
 * {@link PaymentConfig.Simulator}). Like a real provider it remembers, per idempotency key, what it charged and
 * refunded, and that memory survives the payment service's restarts: it lives in the {@code simulated_gateway}
 * collection, each answer written once with an atomic upsert. Every call is counted in the
 * {@code payment.gateway.requests} metric, which is how the tests count retries.
 */
@DefaultBean
@ApplicationScoped
public class SimulatedPaymentGateway implements PaymentGateway {

    static final String APPROVED = "tok_visa";
    static final String DECLINED = "tok_decline";
    static final String INSUFFICIENT_FUNDS = "tok_insufficient_funds";
    static final String NO_ANSWER = "tok_timeout";

    /** What the simulator knows of a key. */
    enum State {
        CHARGED,
        DECLINED,
        REFUNDED,
        /** refunded before any charge: no charge may follow */
        CLOSED
    }

    private static final FindOneAndUpdateOptions FIRST_ANSWER = new FindOneAndUpdateOptions().upsert(true)
            .returnDocument(ReturnDocument.AFTER);

    private final PaymentConfig.Simulator config;
    private final MeterRegistry metrics;
    private final ReactiveMongoCollection<Document> memory;
    private final Clock clock;

    public SimulatedPaymentGateway(PaymentConfig config, MeterRegistry metrics, ReactiveMongoClient mongo,
            @ConfigProperty(name = "quarkus.mongodb.database") String database, Clock clock) {
        this.config = config.simulator();
        this.metrics = metrics;
        this.memory = mongo.getDatabase(database).getCollection("simulated_gateway");
        this.clock = clock;
    }

    @Override
    public Uni<ChargeResult> charge(ChargeRequest request) {
        metrics.counter("payment.gateway.requests", "operation", "charge").increment();
        if (NO_ANSWER.equals(request.paymentMethod())) {
            return Uni.createFrom().nothing();
        }
        return answer(() -> {
            ChargeResult decision = decide(request, config.amountLimit());
            Bson firstAnswer = decision instanceof Approved approved
                    ? Updates.combine(Updates.setOnInsert("state", State.CHARGED.name()),
                            Updates.setOnInsert("chargeId", approved.chargeId()))
                    : Updates.combine(Updates.setOnInsert("state", State.DECLINED.name()),
                            Updates.setOnInsert("declineReason", ((Declined) decision).reason().name()));
            return memory.findOneAndUpdate(Filters.eq("_id", request.idempotencyKey()),
                    Updates.combine(firstAnswer, Updates.setOnInsert("at", clock.instant())), FIRST_ANSWER)
                    .map(SimulatedPaymentGateway::chargeAnswer);
        });
    }

    @Override
    public Uni<RefundResult> refund(String idempotencyKey) {
        metrics.counter("payment.gateway.requests", "operation", "refund").increment();
        return answer(() -> refundCharge(idempotencyKey));
    }

    private Uni<RefundResult> refundCharge(String key) {
        Bson refunded = Updates.combine(Updates.set("state", State.REFUNDED.name()),
                Updates.set("refundId", "re_" + UUID.randomUUID()));
        return memory.findOneAndUpdate(Filters.and(Filters.eq("_id", key), Filters.eq("state", State.CHARGED.name())), refunded,
                MongoSupport.RETURN_AFTER).chain(justRefunded -> {
                    if (justRefunded != null) {
                        return Uni.createFrom().item(refundAnswer(justRefunded));
                    }
                    // nothing charged: close the key, unless a charge got in meanwhile (then refund that)
                    return memory.findOneAndUpdate(Filters.eq("_id", key),
                            Updates.combine(Updates.setOnInsert("state", State.CLOSED.name()),
                                    Updates.setOnInsert("at", clock.instant())),
                            FIRST_ANSWER)
                            .chain(known -> State.CHARGED.name().equals(known.getString("state")) ? refundCharge(key)
                                    : Uni.createFrom().item(refundAnswer(known)));
                });
    }

    /** What the simulator answers a first charge: decided by the token and the amount. */
    static ChargeResult decide(ChargeRequest request, BigDecimal amountLimit) {
        if (request.amount().compareTo(amountLimit) > 0) {
            return new Declined(PaymentDeclined.Reason.AMOUNT_LIMIT_EXCEEDED);
        }
        return switch (request.paymentMethod()) {
            case APPROVED -> new Approved("ch_" + UUID.randomUUID());
            case DECLINED -> new Declined(PaymentDeclined.Reason.CARD_DECLINED);
            case INSUFFICIENT_FUNDS -> new Declined(PaymentDeclined.Reason.INSUFFICIENT_FUNDS);
            default -> new Declined(PaymentDeclined.Reason.INVALID_PAYMENT_METHOD);
        };
    }

    private static ChargeResult chargeAnswer(Document known) {
        return switch (State.valueOf(known.getString("state"))) {
            case CHARGED -> new Approved(known.getString("chargeId"));
            case DECLINED -> new Declined(PaymentDeclined.Reason.valueOf(known.getString("declineReason")));
            case REFUNDED, CLOSED -> new Declined(PaymentDeclined.Reason.PAYMENT_CLOSED);
        };
    }

    private static RefundResult refundAnswer(Document known) {
        return State.REFUNDED.name().equals(known.getString("state"))
                ? new Refunded(known.getString("refundId"), known.getString("chargeId"))
                : new NothingCharged();
    }

    /** Answers after the configured latency, or fails transiently at the configured rate (before deciding anything). */
    private <T> Uni<T> answer(Supplier<Uni<T>> decision) {
        Uni<T> answer = Uni.createFrom().deferred(() -> {
            if (config.failureRate() > 0 && ThreadLocalRandom.current().nextDouble() < config.failureRate()) {
                return Uni.createFrom().failure(new TransientGatewayException("simulated gateway failure"));
            }
            return decision.get();
        });
        return config.latency().isZero() ? answer : answer.onItem().delayIt().by(config.latency());
    }
}
