package dev.orderflow.inventory.messaging;

import static dev.orderflow.common.testing.CollectedSpans.newTraceparent;
import static dev.orderflow.common.testing.CollectedSpans.ofKind;
import static dev.orderflow.common.testing.CollectedSpans.traceIdOf;
import static dev.orderflow.common.testing.MessageProbe.correlatedTo;
import static dev.orderflow.inventory.Stock.newProduct;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.orderflow.common.testing.CollectedSpans;
import dev.orderflow.common.testing.LogLines;
import dev.orderflow.common.testing.MessageProbe;
import dev.orderflow.common.testing.MessageProbe.Received;
import dev.orderflow.common.testing.TestBroker;
import dev.orderflow.contracts.inventory.ReserveStock;
import dev.orderflow.contracts.inventory.StockLine;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;

/** A command is carried out and answered in the saga's trace, with its store calls, and logged under its order. */
@QuarkusTest
class InventoryTracingTest {

    static final String REPLY_TO = "inventory-test-" + UUID.randomUUID();

    @RegisterExtension
    static final TestBroker broker = TestBroker.perClass();
    static final MessageProbe replies = broker.probe("replies", REPLY_TO);
    @RegisterExtension
    static final LogLines logs = LogLines.of("dev.orderflow");

    @Inject
    CollectedSpans spans;

    static Predicate<SpanData> storeCallOn(String collection) {
        return ofKind(SpanKind.CLIENT).and(span -> span.getName().endsWith(" " + collection));
    }

    @Test
    void aReservationIsMadeAndAnsweredInTheCommandsTrace() {
        String sku = newProduct("traced", 10, 0);
        String order = "order-" + UUID.randomUUID();
        String traceparent = newTraceparent();
        String traceId = traceIdOf(traceparent);

        broker.send("commands", "inventory.reserve", order + ":reserve", order, REPLY_TO,
                new ReserveStock(order, List.of(new StockLine(sku, 1))), Map.of("traceparent", traceparent));

        Received reply = replies.await(correlatedTo(order));
        assertEquals(traceId, traceIdOf(reply.traceparent()), "the reply continues the command's trace");
        List<SpanData> trace = spans.await(traceId, span -> span.getSpanId().equals(reply.traceparent().split("-")[2]));
        SpanData received = trace.stream().filter(ofKind(SpanKind.CONSUMER)).findFirst().orElseThrow();
        assertEquals(traceparent.split("-")[2], received.getParentSpanId());
        assertTrue(trace.stream().anyMatch(storeCallOn("reservations")), "the store calls are spans of the trace");
        assertTrue(trace.stream().anyMatch(storeCallOn("products")));
        assertTrue(logs.aboutOrder(order).stream()
                .anyMatch(line -> line.message().equals("Order " + order + ": stock held for 1 line(s)")
                        && traceId.equals(line.mdc().get("traceId"))),
                "the handler's line names the order and its trace: " + logs.aboutOrder(order));
    }
}
