package dev.orderflow.order.tracing;

import static dev.orderflow.common.testing.CollectedSpans.named;
import static dev.orderflow.common.testing.CollectedSpans.newTraceparent;
import static dev.orderflow.common.testing.CollectedSpans.traceIdOf;
import static dev.orderflow.order.testing.Orders.awaitStatus;
import static dev.orderflow.order.testing.Orders.order;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.orderflow.common.testing.CollectedSpans;
import dev.orderflow.common.testing.LogLines;
import dev.orderflow.common.testing.MessageProbe;
import dev.orderflow.common.testing.MessageProbe.Received;
import dev.orderflow.order.testing.FakeParticipants;
import dev.orderflow.order.testing.Orders;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * One order, one trace: the request that places it, each saga step and the command it sends, the replies, the store
 * calls and the events, all in the trace the client started (or a fresh one), named after the saga's steps; and every
 * log line about the order names it and that trace.
 */
@QuarkusTest
class OrderTracingTest {

    @RegisterExtension
    static final LogLines logs = LogLines.of("dev.orderflow");

    @RegisterExtension
    static final FakeParticipants participants = FakeParticipants.perClass();
    static final MessageProbe events = participants.broker().probe("events", "order.*");

    @Inject
    CollectedSpans spans;

    @Test
    void anOrderIsOneTraceFromTheClientsRequestThroughEveryStepCommandReplyAndEvent() {
        String traceparent = newTraceparent();
        String traceId = traceIdOf(traceparent);

        ExtractableResponse<Response> placed = place(order("tok_visa", "laptop"), traceparent);
        String id = placed.path("id");

        assertEquals(traceId, placed.header("X-Trace-Id"));
        assertEquals(traceId, placed.path("traceId"));
        assertEquals(traceId, awaitStatus(id, "CONFIRMED").getString("traceId"));
        List<Received> commands = participants.commandsReceivedBy(id);
        assertEquals(List.of("inventory.reserve", "payment.charge", "shipping.schedule", "inventory.commit"),
                commands.stream().map(Received::type).toList());
        commands.forEach(command -> assertEquals(traceId, traceIdOf(command.traceparent()), command.type()));
        Received confirmed = events.await(received -> id.equals(received.correlationId())
                && "order.confirmed".equals(received.type()));
        assertEquals(traceId, traceIdOf(confirmed.traceparent()));

        List<SpanData> trace = spans.awaitNamed(traceId, "saga reserve-stock", "saga charge-payment", "saga schedule-shipping",
                "saga commit-stock", "saga completed");
        SpanData request = only(trace, span -> span.getKind() == SpanKind.SERVER);
        assertEquals(traceparent.split("-")[2], request.getParentSpanId(), "the request continues the client's trace");
        assertEquals(request.getSpanId(), only(trace, named("saga reserve-stock")).getParentSpanId());
        // each command is sent in the span of its step: the span its traceparent names is a child of that step's
        assertSentIn(trace, commands.get(0), "saga reserve-stock");
        assertSentIn(trace, commands.get(1), "saga charge-payment");
        assertSentIn(trace, commands.get(2), "saga schedule-shipping");
        assertSentIn(trace, commands.get(3), "saga commit-stock");
        assertTrue(trace.stream().anyMatch(named("insert orders")), "the store calls are spans of the trace");
        assertTrue(trace.stream().anyMatch(named("update orders")));
    }

    @Test
    void everyLogLineAboutTheOrderNamesItAndItsTrace() {
        String traceparent = newTraceparent();
        String id = place(order("tok_visa", "laptop"), traceparent).path("id");
        awaitStatus(id, "CONFIRMED");

        List<LogLines.Line> lines = logs.aboutOrder(id);

        List<String> messages = lines.stream().map(LogLines.Line::message).toList();
        assertTrue(messages.contains("Order " + id + " placed"), messages.toString());
        assertTrue(messages.contains("Order " + id + ": PENDING -> CONFIRMED"), "a line of the reply's handler: " + messages);
        lines.forEach(line -> assertEquals(traceIdOf(traceparent), line.mdc().get("traceId"), line.message()));
    }

    @Test
    void commandsTheRecoveryLoopSendsAgainStayInTheOrdersTrace() {
        String id = place(order("tok_visa", "silent-item"), newTraceparent()).path("id");
        String traceId = Orders.get(id).getString("traceId");

        awaitStatus(id, "CANCELLED");

        List<Received> commands = participants.commandsReceivedBy(id);
        assertTrue(commands.stream().filter(command -> command.type().equals("inventory.reserve")).count() > 1,
                "sent again at its deadline: " + commands.stream().map(Received::type).toList());
        commands.forEach(command -> assertEquals(traceId, traceIdOf(command.traceparent()), command.type()));
        List<SpanData> trace = spans.await(traceId, span -> "deadline".equals(attribute(span, SagaSpans.EVENT)));
        assertTrue(trace.stream().anyMatch(named("saga compensated")), names(trace));
        assertTrue(logs.aboutOrder(id).stream().anyMatch(line -> line.message().endsWith("PENDING -> COMPENSATING")
                && traceId.equals(line.mdc().get("traceId"))),
                "the line of the recovery loop's move names the order and its trace");
    }

    @Test
    void anOrderPlacedWithoutTraceContextStartsATraceOfItsOwn() {
        ExtractableResponse<Response> placed = place(order("tok_visa", "laptop"), null);

        String traceId = placed.header("X-Trace-Id");
        assertTrue(traceId.matches("[0-9a-f]{32}"), traceId);
        assertEquals(traceId, Orders.get(placed.path("id")).getString("traceId"));
    }

    private static ExtractableResponse<Response> place(Map<String, Object> order, String traceparent) {
        var request = given().header(Orders.customerOf(order)).contentType(ContentType.JSON).body(order);
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        return request.when().post("/orders").then().statusCode(202).extract();
    }

    private static void assertSentIn(List<SpanData> trace, Received command, String step) {
        String sendingSpan = command.traceparent().split("-")[2];
        SpanData sent = only(trace, span -> span.getSpanId().equals(sendingSpan));
        assertEquals(SpanKind.PRODUCER, sent.getKind(), command.type());
        assertEquals(only(trace, named(step)).getSpanId(), sent.getParentSpanId(), command.type() + " is sent in " + step);
    }

    private static SpanData only(List<SpanData> trace, java.util.function.Predicate<SpanData> which) {
        List<SpanData> found = trace.stream().filter(which).toList();
        assertFalse(found.isEmpty(), "none in " + names(trace));
        assertEquals(1, found.size(), names(trace));
        return found.get(0);
    }

    private static Object attribute(SpanData span, String key) {
        return span.getAttributes().asMap().entrySet().stream().filter(entry -> entry.getKey().getKey().equals(key))
                .map(Map.Entry::getValue).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static String names(List<SpanData> trace) {
        return trace.stream().map(SpanData::getName).collect(Collectors.joining(", "));
    }
}
