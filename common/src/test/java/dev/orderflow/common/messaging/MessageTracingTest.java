package dev.orderflow.common.messaging;

import static dev.orderflow.common.testing.CollectedSpans.newTraceparent;
import static dev.orderflow.common.testing.CollectedSpans.ofKind;
import static dev.orderflow.common.testing.CollectedSpans.traceIdOf;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.orderflow.common.testing.CollectedSpans;
import dev.orderflow.common.testing.LogLines;
import dev.orderflow.common.testing.TestBroker;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;

/** A consumed message's handling belongs to the sender's trace and logs its order, retries included. */
@QuarkusTest
class MessageTracingTest {

    @RegisterExtension
    static final TestBroker broker = TestBroker.perClass();
    @RegisterExtension
    static final LogLines logs = LogLines.of(ProbeConsumer.class.getName());

    @Inject
    ProbeConsumer consumer;

    @Inject
    CollectedSpans spans;

    @Test
    void aHandlerRunsInTheSendersTraceWithItsOrderInTheMdcAtEveryAttempt() {
        String id = ProbeConsumer.FLAKY + UUID.randomUUID();
        String order = "order-" + id;
        String traceparent = newTraceparent();

        broker.send("orderflow-test", "probe.work", id, order, null, new Work(id, false), Map.of("traceparent", traceparent));

        await().atMost(Duration.ofSeconds(20)).until(() -> consumer.processed(List.of(id)));
        List<ProbeConsumer.Attempt> attempts = consumer.seen(id);
        assertEquals(2, attempts.size(), "the first attempt fails, the retry succeeds");
        attempts.forEach(attempt -> {
            assertEquals(order, attempt.orderId());
            assertEquals(traceIdOf(traceparent), attempt.traceId());
        });
        List<LogLines.Line> lines = logs.aboutOrder(order);
        assertEquals(2, lines.size(), "a line per attempt, each naming the order: " + lines);
        lines.forEach(line -> assertEquals(traceIdOf(traceparent), line.mdc().get("traceId")));
        SpanData received = spans.await(traceIdOf(traceparent), ofKind(SpanKind.CONSUMER)).stream()
                .filter(ofKind(SpanKind.CONSUMER)).findFirst().orElseThrow();
        assertEquals(traceparent.split("-")[2], received.getParentSpanId(), "the connector's span continues the sender's");
        assertTrue(received.getName().contains("orderflow-test.probe"), received.getName());
    }
}
