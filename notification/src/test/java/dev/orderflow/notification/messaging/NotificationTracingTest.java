package dev.orderflow.notification.messaging;

import static dev.orderflow.common.testing.CollectedSpans.named;
import static dev.orderflow.common.testing.CollectedSpans.newTraceparent;
import static dev.orderflow.common.testing.CollectedSpans.ofKind;
import static dev.orderflow.common.testing.CollectedSpans.traceIdOf;
import static dev.orderflow.notification.Events.awaitStatus;
import static dev.orderflow.notification.Events.confirmed;
import static dev.orderflow.notification.Events.idOf;
import static dev.orderflow.notification.Events.newOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.orderflow.common.testing.CollectedSpans;
import dev.orderflow.common.testing.LogLines;
import dev.orderflow.common.testing.TestBroker;
import dev.orderflow.contracts.order.OrderConfirmed;
import dev.orderflow.notification.NotificationStatus;
import dev.orderflow.notification.SmtpServer;
import dev.orderflow.notification.repository.NotificationRepository;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** An order event's notification is stored and mailed in the event's trace, the SMTP send a span of it. */
@QuarkusTest
@WithTestResource(SmtpServer.class)
class NotificationTracingTest {

    @RegisterExtension
    static final TestBroker broker = TestBroker.perClass();
    @RegisterExtension
    static final LogLines logs = LogLines.of("dev.orderflow");

    @Inject
    NotificationRepository notifications;

    @Inject
    CollectedSpans spans;

    @Test
    void aConfirmationIsMailedInTheEventsTrace() {
        String order = newOrder();
        OrderConfirmed event = confirmed(order);
        String eventId = idOf(order, event);
        String traceparent = newTraceparent();
        String traceId = traceIdOf(traceparent);

        broker.send("events", "order.confirmed", eventId, order, null, event, Map.of("traceparent", traceparent));

        awaitStatus(notifications, eventId, NotificationStatus.SENT);
        List<SpanData> trace = spans.await(traceId, named("smtp send"));
        SpanData received = trace.stream().filter(ofKind(SpanKind.CONSUMER)).findFirst().orElseThrow();
        assertEquals(traceparent.split("-")[2], received.getParentSpanId(), "the event's handling continues its trace");
        assertEquals(SpanKind.CLIENT, trace.stream().filter(named("smtp send")).findFirst().orElseThrow().getKind());
        assertTrue(trace.stream().anyMatch(ofKind(SpanKind.CLIENT).and(span -> span.getName().endsWith(" notifications"))),
                "the store calls are spans of the trace");
        assertTrue(logs.aboutOrder(order).stream().anyMatch(line -> line.message().contains(" sent to ")
                && traceId.equals(line.mdc().get("traceId"))), "the handler's line names the order and its trace: "
                        + logs.aboutOrder(order));
    }
}
