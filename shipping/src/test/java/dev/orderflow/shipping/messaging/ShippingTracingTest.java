package dev.orderflow.shipping.messaging;

import static dev.orderflow.common.testing.CollectedSpans.newTraceparent;
import static dev.orderflow.common.testing.CollectedSpans.ofKind;
import static dev.orderflow.common.testing.CollectedSpans.traceIdOf;
import static dev.orderflow.common.testing.MessageProbe.correlatedTo;
import static dev.orderflow.shipping.Shipments.addressIn;
import static dev.orderflow.shipping.Shipments.schedule;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.orderflow.common.outbox.OutboxSweeper;
import dev.orderflow.common.outbox.PendingMessage;
import dev.orderflow.common.testing.CollectedSpans;
import dev.orderflow.common.testing.LogLines;
import dev.orderflow.common.testing.MessageProbe;
import dev.orderflow.common.testing.MessageProbe.Received;
import dev.orderflow.common.testing.TestBroker;
import dev.orderflow.shipping.Shipment;
import dev.orderflow.shipping.ShipmentStatus;
import dev.orderflow.shipping.Shipments;
import dev.orderflow.shipping.repository.ShipmentRepository;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A command is carried out and answered in the saga's trace, its call to the carrier included; an event the outbox sweep
 * publishes late still continues
 * the trace of the change that caused it.
 */
@QuarkusTest
class ShippingTracingTest {

    static final String REPLY_TO = "shipping-test-" + UUID.randomUUID();

    @RegisterExtension
    static final TestBroker broker = TestBroker.perClass();
    static final MessageProbe replies = broker.probe("replies", REPLY_TO);
    static final MessageProbe events = broker.probe("events", "shipment.*");
    @RegisterExtension
    static final LogLines logs = LogLines.of("dev.orderflow");

    @Inject
    CollectedSpans spans;

    @Inject
    ShipmentRepository shipments;

    @Inject
    OutboxSweeper sweeper;

    @Test
    void aShipmentIsScheduledAndAnsweredInTheCommandsTrace() {
        String order = Shipments.newOrder();
        String traceparent = newTraceparent();
        String traceId = traceIdOf(traceparent);

        broker.send("commands", "shipping.schedule", order + ":schedule", order, REPLY_TO, schedule(order, addressIn("FR")),
                Map.of("traceparent", traceparent));

        Received reply = replies.await(correlatedTo(order));
        assertEquals(traceId, traceIdOf(reply.traceparent()), "the reply continues the command's trace");
        List<SpanData> trace = spans.await(traceId, span -> span.getSpanId().equals(reply.traceparent().split("-")[2]));
        assertEquals(traceparent.split("-")[2],
                trace.stream().filter(ofKind(SpanKind.CONSUMER)).findFirst().orElseThrow().getParentSpanId());
        assertTrue(trace.stream().anyMatch(ofKind(SpanKind.CLIENT).and(span -> span.getName().endsWith(" shipments"))),
                "the store calls are spans of the trace");
        SpanData call = trace.stream().filter(ofKind(SpanKind.CLIENT).and(span -> span.getName().startsWith("POST")))
                .findFirst().orElseThrow(() -> new AssertionError("no carrier call in " + trace));
        assertTrue(
                trace.stream().anyMatch(ofKind(SpanKind.SERVER).and(span -> span.getParentSpanId().equals(call.getSpanId()))),
                "the carrier's side of the call too");
        assertTrue(logs.aboutOrder(order).stream()
                .anyMatch(line -> line.message().startsWith("Order " + order + ": shipment ")
                        && traceId.equals(line.mdc().get("traceId"))),
                "the handler's line names the order and its trace: " + logs.aboutOrder(order));
    }

    @Test
    void anEventTheSweepPublishesContinuesTheTraceOfItsChange() {
        String traceparent = newTraceparent();
        Shipment left = dispatched(Shipments.newOrder(), traceparent);

        shipments.persist(left).await().atMost(Duration.ofSeconds(10));
        sweeper.sweep().await().atMost(Duration.ofSeconds(10));

        Received event = events.await(received -> (left.id + ":DISPATCHED").equals(received.messageId()));
        assertEquals(traceIdOf(traceparent), traceIdOf(event.traceparent()));
        SpanData sent = spans.await(traceIdOf(traceparent), ofKind(SpanKind.PRODUCER)).stream()
                .filter(ofKind(SpanKind.PRODUCER)).findFirst().orElseThrow();
        assertEquals(traceparent.split("-")[2], sent.getParentSpanId(), "sent as a child of the change's span");
    }

    /** A dispatched shipment whose event was left unconfirmed by a change made in the trace of {@code traceparent}. */
    private static Shipment dispatched(String orderId, String traceparent) {
        Instant dispatchedAt = Instant.now().minus(2, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        Shipment shipment = Shipment.forOrder(orderId, dispatchedAt.minusSeconds(60));
        shipment.status = ShipmentStatus.DISPATCHED;
        shipment.customerId = "customer-" + orderId;
        shipment.carrier = "ColiPoste";
        shipment.trackingNumber = "CP0000000043";
        shipment.cost = new BigDecimal("5.40");
        shipment.currency = "EUR";
        shipment.estimatedDelivery = LocalDate.now();
        shipment.scheduledAt = shipment.createdAt;
        shipment.dispatchedAt = dispatchedAt;
        PendingMessage pending = new PendingMessage(shipment.id + ":DISPATCHED", "shipment.dispatched", dispatchedAt);
        pending.traceparent = traceparent;
        shipment.outbox.add(pending);
        return shipment;
    }
}
