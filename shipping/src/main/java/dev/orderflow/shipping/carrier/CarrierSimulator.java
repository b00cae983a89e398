package dev.orderflow.shipping.carrier;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

import dev.orderflow.common.security.ThirdPartyKey;
import dev.orderflow.common.simulator.SimulatedFaults;
import dev.orderflow.common.store.MongoSupport;
import dev.orderflow.common.store.StoreIndexes;
import dev.orderflow.shipping.carrier.CarrierApi.ErrorAnswer;
import dev.orderflow.shipping.carrier.CarrierApi.Label;
import dev.orderflow.shipping.carrier.CarrierApi.NewLabel;
import dev.orderflow.shipping.config.ShippingConfig;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;

/**
 * The simulated carrier's decisions: which carriers it books, their tracking numbers and delivery estimates, and the
 * addresses it refuses, steered by the recipient's postal code (see {@link ShippingConfig.Simulator}). Like a real
 * carrier it remembers what it booked, and that memory survives restarts: it lives in the {@code carrier_simulator}
 * collection, one document per idempotency key, each first answer written once with an atomic upsert. Asked again
 * under the same key, it gives the first answer (the label as it stands now): it never books two labels for one key.
 */
@ApplicationScoped
public class CarrierSimulator implements StoreIndexes {

    static final String UNDELIVERABLE = "00000";
    static final String NO_ANSWER = "99999";

    /**
     * A carrier the simulator books parcels with.
     *
     * @param trackingPrefix what its tracking numbers start with, before 10 digits or capital letters
     * @param transitDays calendar days from booking to delivery
     */
    record Carrier(String name, String trackingPrefix, int transitDays) {
    }

    static final Map<String, Carrier> CARRIERS = Map.of(
            "ColiPoste", new Carrier("ColiPoste", "CP", 2),
            "EuroExpress", new Carrier("EuroExpress", "EE", 4),
            "WorldParcel", new Carrier("WorldParcel", "WP", 6));

    static final int TRACKING_CHARACTERS = 10;
    /** 36^10: as many tracking numbers as 10 digits or capital letters can write. */
    private static final long TRACKING_NUMBERS = 3_656_158_440_062_976L;

    /** What the simulator knows of a key. */
    enum State {
        CREATED,
        REFUSED,
        CANCELLED
    }

    /** How a label request ended: booked, refused for the code given, or asked of a carrier nobody knows. */
    public sealed interface LabelAnswer {
    }

    public record Booked(Label label) implements LabelAnswer {
    }

    public record Refused(String code, String message) implements LabelAnswer {
    }

    public record UnknownCarrier(String carrier) implements LabelAnswer {
    }

    private final SimulatedFaults faults;
    private final ReactiveMongoCollection<Document> memory;
    private final Clock clock;

    public CarrierSimulator(ShippingConfig config, ReactiveMongoClient mongo,
            @ConfigProperty(name = "quarkus.mongodb.database") String database, Clock clock) {
        this.faults = new SimulatedFaults(config.simulator(), "carrier");
        this.memory = mongo.getDatabase(database).getCollection("carrier_simulator");
        this.clock = clock;
    }

    /**
     * The carrier's API key ({@code shipping.carrier.api-key}), which every request of the service's client carries
     * and which the simulator takes, refusing any other request as the carrier does.
     */
    @Produces
    @Singleton
    static ThirdPartyKey carrierKey(ShippingConfig config) {
        return ThirdPartyKey.of(config.carrier(), ErrorAnswer.invalidApiKey());
    }

    @Override
    public List<Uni<String>> indexes() {
        return List.of(memory.createIndex(Indexes.ascending("labelId")));
    }

    /** Books a label, unless one was booked or refused under the key before: then that first answer stands. */
    public Uni<LabelAnswer> createLabel(String idempotencyKey, NewLabel request) {
        if (NO_ANSWER.equals(request.recipient().postalCode())) {
            return faults.noAnswer("the carrier's booking system did not answer in time");
        }
        Carrier carrier = CARRIERS.get(request.carrier());
        if (carrier == null) {
            return Uni.createFrom().item(new UnknownCarrier(request.carrier()));
        }
        return faults.answer(() -> {
            Bson firstAnswer = UNDELIVERABLE.equals(request.recipient().postalCode())
                    ? Updates.combine(Updates.setOnInsert("state", State.REFUSED.name()),
                            Updates.setOnInsert("refusal", "address_undeliverable"),
                            Updates.setOnInsert("message", carrier.name() + " does not deliver to postal code "
                                    + request.recipient().postalCode() + " in " + request.recipient().country()))
                    : Updates.combine(Updates.setOnInsert("state", State.CREATED.name()),
                            Updates.setOnInsert("labelId", "lbl_" + UUID.randomUUID()),
                            Updates.setOnInsert("trackingNumber", trackingNumber(carrier)),
                            Updates.setOnInsert("estimatedDelivery", LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                                    .plusDays(carrier.transitDays()).toString()));
            return memory.findOneAndUpdate(Filters.eq("_id", idempotencyKey),
                    Updates.combine(firstAnswer, Updates.setOnInsert("carrier", carrier.name()),
                            Updates.setOnInsert("reference", request.reference()),
                            Updates.setOnInsert("at", clock.instant())),
                    MongoSupport.FIRST_ANSWER)
                    .map(CarrierSimulator::labelAnswer);
        });
    }

    /** Calls the label off, once: asked again, answers the same cancelled label. Null when there is no such label. */
    public Uni<Label> cancel(String labelId) {
        return faults.answer(() -> memory
                .findOneAndUpdate(Filters.and(Filters.eq("labelId", labelId), Filters.eq("state", State.CREATED.name())),
                        Updates.combine(Updates.set("state", State.CANCELLED.name()),
                                Updates.set("cancelledAt", clock.instant())),
                        MongoSupport.RETURN_AFTER)
                .onItem().ifNull().switchTo(() -> memory.find(Filters.eq("labelId", labelId)).collect().first())
                .map(known -> known == null ? null : labelOf(known)));
    }

    /** The carrier's prefix and 10 random digits or capital letters. */
    static String trackingNumber(Carrier carrier) {
        long number = ThreadLocalRandom.current().nextLong(TRACKING_NUMBERS);
        String characters = Long.toString(number, Character.MAX_RADIX).toUpperCase(Locale.ROOT);
        return carrier.trackingPrefix() + "0".repeat(TRACKING_CHARACTERS - characters.length()) + characters;
    }

    private static LabelAnswer labelAnswer(Document known) {
        return State.REFUSED.name().equals(known.getString("state"))
                ? new Refused(known.getString("refusal"), known.getString("message"))
                : new Booked(labelOf(known));
    }

    private static Label labelOf(Document known) {
        String status = State.CANCELLED.name().equals(known.getString("state")) ? CarrierApi.CANCELLED : CarrierApi.CREATED;
        return new Label(known.getString("labelId"), known.getString("carrier"), known.getString("trackingNumber"), status,
                LocalDate.parse(known.getString("estimatedDelivery")), known.getString("reference"));
    }
}
