package dev.orderflow.payment.provider;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

import dev.orderflow.common.security.ThirdPartyKey;
import dev.orderflow.common.simulator.SimulatedFaults;
import dev.orderflow.common.store.MongoSupport;
import dev.orderflow.common.store.StoreIndexes;
import dev.orderflow.payment.config.PaymentConfig;
import dev.orderflow.payment.provider.ProviderApi.Cancellation;
import dev.orderflow.payment.provider.ProviderApi.Charge;
import dev.orderflow.payment.provider.ProviderApi.ErrorAnswer;
import dev.orderflow.payment.provider.ProviderApi.NewCharge;
import dev.orderflow.payment.provider.ProviderApi.Refund;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;

/**
 * The simulated provider's decisions, steered by the payment method token (see {@link PaymentConfig.Simulator}). Like
 * a real provider it remembers what it did, and that memory survives restarts: it lives in the
 * {@code provider_simulator} collection, one document per payment reference, each first answer written once with an
 * atomic upsert. Asked again, under the same idempotency key or the same reference, it gives the first answer: it never
 * charges a reference twice.
 */
@ApplicationScoped
public class ProviderSimulator implements StoreIndexes {

    static final String APPROVED = "tok_visa";
    static final String DECLINED = "tok_decline";
    static final String INSUFFICIENT_FUNDS = "tok_insufficient_funds";
    static final String NO_ANSWER = "tok_timeout";

    /** What the simulator knows of a reference. */
    enum State {
        CHARGED,
        DECLINED,
        REFUNDED,
        /** cancelled before any charge: no charge may follow */
        CLOSED
    }

    /** How a charge ended: taken, or declined for the code given. */
    public sealed interface ChargeAnswer {
    }

    public record Succeeded(Charge charge) implements ChargeAnswer {
    }

    public record Declined(String declineCode) implements ChargeAnswer {
    }

    private final PaymentConfig.Simulator config;
    private final SimulatedFaults faults;
    private final ReactiveMongoCollection<Document> memory;
    private final Clock clock;

    public ProviderSimulator(PaymentConfig config, ReactiveMongoClient mongo,
            @ConfigProperty(name = "quarkus.mongodb.database") String database, Clock clock) {
        this.config = config.simulator();
        this.faults = new SimulatedFaults(this.config, "provider");
        this.memory = mongo.getDatabase(database).getCollection("provider_simulator");
        this.clock = clock;
    }

    /**
     * The provider's API key ({@code payment.provider.api-key}), which every request of the service's client carries
     * and which the simulator takes, refusing any other request as the provider does.
     */
    @Produces
    @Singleton
    static ThirdPartyKey providerKey(PaymentConfig config) {
        return ThirdPartyKey.of(config.provider(), ErrorAnswer.invalidApiKey());
    }

    @Override
    public List<Uni<String>> indexes() {
        return List.of(memory.createIndex(Indexes.ascending("chargeId")));
    }

    /** Charges the reference, unless it was charged, declined or cancelled before: then that first answer stands. */
    public Uni<ChargeAnswer> charge(String idempotencyKey, NewCharge request) {
        if (NO_ANSWER.equals(request.paymentMethod())) {
            return faults.noAnswer("the card network did not answer in time");
        }
        return faults.answer(() -> {
            String declineCode = declineCode(request, config.amountLimit());
            Bson firstAnswer = declineCode == null
                    ? Updates.combine(Updates.setOnInsert("state", State.CHARGED.name()),
                            Updates.setOnInsert("chargeId", "ch_" + UUID.randomUUID()))
                    : Updates.combine(Updates.setOnInsert("state", State.DECLINED.name()),
                            Updates.setOnInsert("declineCode", declineCode));
            return memory.findOneAndUpdate(Filters.eq("_id", request.reference()),
                    Updates.combine(firstAnswer, Updates.setOnInsert("idempotencyKey", idempotencyKey),
                            Updates.setOnInsert("amount", request.amount()),
                            Updates.setOnInsert("currency", request.currency()),
                            Updates.setOnInsert("at", clock.instant())),
                    MongoSupport.FIRST_ANSWER)
                    .map(ProviderSimulator::chargeAnswer);
        });
    }

    /** Gives the charge back, once: asked again, answers the same refund. Null when there is no such charge. */
    public Uni<Refund> refund(String chargeId) {
        return faults.answer(() -> memory
                .findOneAndUpdate(Filters.and(Filters.eq("chargeId", chargeId), Filters.eq("state", State.CHARGED.name())),
                        refunded(), MongoSupport.RETURN_AFTER)
                .onItem().ifNull().switchTo(() -> memory.find(Filters.eq("chargeId", chargeId)).collect().first())
                .map(known -> known == null ? null : refundOf(known)));
    }

    /**
     * Gives back what was charged under the reference; when nothing was, closes the reference, so that no later charge
     * under it succeeds. A technical cancel: for a merchant who never got a charge's answer, hence knows no charge id.
     */
    public Uni<Cancellation> cancel(String reference) {
        return faults.answer(() -> cancelCharge(reference));
    }

    private Uni<Cancellation> cancelCharge(String reference) {
        return memory.findOneAndUpdate(Filters.and(Filters.eq("_id", reference), Filters.eq("state", State.CHARGED.name())),
                refunded(), MongoSupport.RETURN_AFTER).chain(justRefunded -> {
                    if (justRefunded != null) {
                        return Uni.createFrom().item(cancellationOf(justRefunded));
                    }
                    // nothing charged: close the reference, unless a charge got in meanwhile (then refund that)
                    return memory.findOneAndUpdate(Filters.eq("_id", reference),
                            Updates.combine(Updates.setOnInsert("state", State.CLOSED.name()),
                                    Updates.setOnInsert("at", clock.instant())),
                            MongoSupport.FIRST_ANSWER)
                            .chain(known -> State.CHARGED.name().equals(known.getString("state")) ? cancelCharge(reference)
                                    : Uni.createFrom().item(cancellationOf(known)));
                });
    }

    /** The decline code of a first charge, decided by the amount and the token; null when it is approved. */
    static String declineCode(NewCharge request, BigDecimal amountLimit) {
        if (request.amount().compareTo(amountLimit) > 0) {
            return "invalid_amount";
        }
        return switch (request.paymentMethod()) {
            case APPROVED -> null;
            case DECLINED -> "generic_decline";
            case INSUFFICIENT_FUNDS -> "insufficient_funds";
            default -> "invalid_payment_method";
        };
    }

    private static Bson refunded() {
        return Updates.combine(Updates.set("state", State.REFUNDED.name()), Updates.set("refundId", "re_" + UUID.randomUUID()));
    }

    private static ChargeAnswer chargeAnswer(Document known) {
        return switch (State.valueOf(known.getString("state"))) {
            case CHARGED -> new Succeeded(new Charge(known.getString("chargeId"), "succeeded", amount(known),
                    known.getString("currency"), known.getString("_id")));
            case DECLINED -> new Declined(known.getString("declineCode"));
            case REFUNDED, CLOSED -> new Declined("reference_closed");
        };
    }

    private static Refund refundOf(Document known) {
        return new Refund(known.getString("refundId"), known.getString("chargeId"), "succeeded", amount(known),
                known.getString("currency"));
    }

    private static Cancellation cancellationOf(Document known) {
        return State.REFUNDED.name().equals(known.getString("state"))
                ? new Cancellation(known.getString("_id"), "refunded", known.getString("chargeId"), known.getString("refundId"))
                : new Cancellation(known.getString("_id"), "cancelled", null, null);
    }

    private static BigDecimal amount(Document known) {
        Object amount = known.get("amount");
        return amount instanceof Decimal128 decimal ? decimal.bigDecimalValue() : (BigDecimal) amount;
    }
}
