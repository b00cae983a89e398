package dev.orderflow.payment.messaging;

import static dev.orderflow.common.testing.CollectedSpans.newTraceparent;
import static dev.orderflow.common.testing.CollectedSpans.ofKind;
import static dev.orderflow.common.testing.CollectedSpans.traceIdOf;
import static dev.orderflow.common.testing.MessageProbe.correlatedTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.orderflow.common.testing.CollectedSpans;
import dev.orderflow.common.testing.LogLines;
import dev.orderflow.common.testing.MessageProbe;
import dev.orderflow.common.testing.MessageProbe.Received;
import dev.orderflow.common.testing.TestBroker;
import dev.orderflow.contracts.payment.ChargePayment;
import dev.orderflow.contracts.payment.PaymentCharged;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;

/** A charge is taken and answered in the saga's trace: its store calls and the provider call are spans of it. */
@QuarkusTest
class PaymentTracingTest {

    static final String REPLY_TO = "payment-test-" + UUID.randomUUID();

    @RegisterExtension
    static final TestBroker broker = TestBroker.perClass();
    static final MessageProbe replies = broker.probe("replies", REPLY_TO);
    @RegisterExtension
    static final LogLines logs = LogLines.of("dev.orderflow");

    @Inject
    CollectedSpans spans;

    @Test
    void aChargeIsTakenAndAnsweredInTheCommandsTraceWithTheProviderCallInIt() {
        String order = "order-" + UUID.randomUUID();
        String traceparent = newTraceparent();
        String traceId = traceIdOf(traceparent);

        broker.send("commands", "payment.charge", order + ":charge", order, REPLY_TO,
                new ChargePayment(order, "customer-" + UUID.randomUUID(), new BigDecimal("12.50"), "EUR", "tok_visa"),
                Map.of("traceparent", traceparent));

        Received reply = replies.await(correlatedTo(order));
        assertEquals(PaymentCharged.class, reply.as(PaymentCharged.class).getClass());
        assertEquals(traceId, traceIdOf(reply.traceparent()), "the reply continues the command's trace");
        List<SpanData> trace = spans.await(traceId, span -> span.getSpanId().equals(reply.traceparent().split("-")[2]));
        String names = trace.stream().map(span -> span.getKind() + " " + span.getName()).collect(Collectors.joining(", "));
        assertEquals(traceparent.split("-")[2],
                trace.stream().filter(ofKind(SpanKind.CONSUMER)).findFirst().orElseThrow().getParentSpanId(), names);
        assertTrue(trace.stream().anyMatch(ofKind(SpanKind.CLIENT).and(span -> span.getName().endsWith(" payments"))),
                "the store calls are spans of the trace: " + names);
        SpanData call = trace.stream().filter(ofKind(SpanKind.CLIENT).and(span -> span.getName().startsWith("POST")))
                .findFirst().orElseThrow(() -> new AssertionError("no provider call in " + names));
        assertTrue(
                trace.stream().anyMatch(ofKind(SpanKind.SERVER).and(span -> span.getParentSpanId().equals(call.getSpanId()))),
                "the provider's side of the call too: " + names);
        assertTrue(logs.aboutOrder(order).stream().anyMatch(line -> line.message().startsWith("Order " + order + ": payment ")
                && traceId.equals(line.mdc().get("traceId"))), "the handler's line names the order and its trace");
    }
}
