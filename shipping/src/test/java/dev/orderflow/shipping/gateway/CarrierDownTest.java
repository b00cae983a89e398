package dev.orderflow.shipping.gateway;

import static dev.orderflow.common.testing.MessageProbe.correlatedTo;
import static dev.orderflow.shipping.Shipments.addressIn;
import static dev.orderflow.shipping.Shipments.schedule;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.orderflow.common.testing.MessageProbe;
import dev.orderflow.common.testing.TestBroker;
import dev.orderflow.contracts.shipping.ShipmentScheduled;
import dev.orderflow.shipping.Shipment;
import dev.orderflow.shipping.ShipmentStatus;
import dev.orderflow.shipping.Shipments;
import dev.orderflow.shipping.gateway.CarrierGateway.CarrierUnavailable;
import dev.orderflow.shipping.gateway.CarrierGateway.LabelRequest;
import dev.orderflow.shipping.repository.ShipmentRepository;
import dev.orderflow.shipping.testing.CarrierDown;
import dev.orderflow.shipping.testing.CarrierOnWireMock;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * A carrier nobody can connect to: each refused connection is retried, then the label ends as "carrier unavailable";
 * through the saga's command, that is a failure to try again, never a rejection: the command is redelivered and finally
 * parked, no reply is sent, and no shipment is stored, so the command handled again later books it then. A repeated
 * command whose shipment is stored is answered from it.
 */
@QuarkusTest
@TestProfile(CarrierDown.class)
class CarrierDownTest {

    static final String REPLY_TO = "shipping-down-test-" + UUID.randomUUID();
    static final Duration WAIT = Duration.ofSeconds(10);

    @RegisterExtension
    static final TestBroker broker = TestBroker.perClass();
    static final MessageProbe replies = broker.probe("replies", REPLY_TO);

    @Inject
    CarrierGateway gateway;

    @Inject
    MeterRegistry metrics;

    @Inject
    ShipmentRepository shipments;

    @Inject
    CircuitBreakerMaintenance breakers;

    @BeforeEach
    void closeTheBreakers() {
        breakers.resetAll();
    }

    @Test
    void aRefusedConnectionIsRetriedThenTheCarrierIsUnavailable() {
        double before = attempts();

        Object outcome = gateway.createLabel(new LabelRequest(Shipments.newOrder(), "ColiPoste", addressIn("FR")))
                .await().atMost(WAIT);

        assertInstanceOf(CarrierUnavailable.class, outcome);
        assertEquals(1 + CarrierOnWireMock.RETRIES, attempts() - before, "one attempt and its retries");
    }

    @Test
    void aShipmentTheCarrierNeverBooksIsParkedUnansweredAndNothingIsStored() {
        String order = Shipments.newOrder();
        broker.sendCommandUntilParked("shipping.commands.dlq", Duration.ofSeconds(30), order + ":schedule", order, REPLY_TO,
                schedule(order, addressIn("FR")));

        assertTrue(replies.received(correlatedTo(order)).isEmpty(), "no reply: above all, no rejection");
        assertNull(Shipments.stored(shipments, order), "nothing stored: the command handled again books the parcel");
    }

    @Test
    void aRepeatedCommandWhoseShipmentIsStoredIsAnsweredFromItWhileTheCarrierIsDown() {
        String order = Shipments.newOrder();
        Shipment booked = Shipment.forOrder(order, Instant.now());
        booked.status = ShipmentStatus.SCHEDULED;
        booked.carrier = "ColiPoste";
        booked.labelId = "lbl-" + order;
        booked.trackingNumber = "CP0000000042";
        booked.estimatedDelivery = LocalDate.now().plusDays(2);
        booked.cost = new BigDecimal("4.90");
        booked.currency = "EUR";
        booked.scheduledAt = booked.createdAt;
        shipments.persist(booked).await().atMost(WAIT);

        broker.sendCommand(order + ":schedule", order, REPLY_TO, schedule(order, addressIn("FR")));

        ShipmentScheduled reply = replies.await(correlatedTo(order)).as(ShipmentScheduled.class);
        assertEquals("CP0000000042", reply.trackingNumber(), "the stored booking's answer");
        assertEquals(1, Shipments.count(shipments, order));
    }

    private double attempts() {
        return metrics.counter("shipping.carrier.requests", "operation", "label").count();
    }
}
