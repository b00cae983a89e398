package dev.orderflow.common.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;

import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.orderflow.common.testing.TestBroker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.rabbitmq.OutgoingRabbitMQMetadata;

/**
 * A publish is guarded by a timeout on the broker's confirm and retried (Publisher: in the tests, 3 attempts, 500 ms
 * each): a send the broker refuses, and one whose confirm never comes, are tried exactly 3 times, always the same
 * message, before the caller gets the failure.
 */
@QuarkusTest
class PublishTest {

    static final Duration DEADLINE = Duration.ofSeconds(20);
    static final String PUBLISHER = "dev.orderflow.common.messaging.Publisher.send";

    @RegisterExtension
    static final TestBroker broker = TestBroker.perClass();

    @Inject
    Messaging messaging;

    @Inject
    @Channel("full-out")
    MutinyEmitter<byte[]> toAFullQueue;

    @Inject
    MeterRegistry metrics;

    @Test
    void aPublishTheBrokerRefusesIsTriedThreeTimesThenFails() {
        // the only queue the message would reach takes no message: the broker nacks every publish (reject-publish)
        broker.declareQueue("orderflow-test.full-" + UUID.randomUUID(), Map.of("x-max-length", 0, "x-overflow",
                "reject-publish"), "orderflow-test.full", "direct", "probe.work");
        String id = "refused-" + UUID.randomUUID();
        double retries = counter("ft.retry.retries.total");
        double gaveUp = counter("ft.retry.calls.total", "retried", "true", "retryResult", "maxRetriesReached");

        Uni<Void> publish = messaging.publish(toAFullQueue, Envelope.of(id, "order-" + id, new Work(id, false)));

        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> publish.await().atMost(DEADLINE));
        assertEquals("the broker did not confirm probe.work message " + id, failure.getMessage());
        assertEquals(2, counter("ft.retry.retries.total") - retries, () -> "the first attempt and 2 retries: "
                + java.util.Arrays.toString(failure.getCause().getStackTrace()) + failure.getCause());
        assertEquals(1, counter("ft.retry.calls.total", "retried", "true", "retryResult", "maxRetriesReached") - gaveUp);
    }

    @Test
    void aPublishWhoseConfirmNeverComesTimesOutAtEachAttemptAndIsSentAgainWithTheSameMessageId() {
        List<Message<byte[]>> sent = new CopyOnWriteArrayList<>();
        String id = "unconfirmed-" + UUID.randomUUID();
        double timedOut = counter("ft.timeout.calls.total", "timedOut", "true");

        Uni<Void> publish = messaging.publish(silentBroker(sent), Envelope.of(id, "order-" + id, new Work(id, false)));

        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> publish.await().atMost(DEADLINE));
        assertInstanceOf(TimeoutException.class, failure.getCause());
        assertEquals(3, sent.size(), "the first attempt and 2 retries");
        assertEquals(3, counter("ft.timeout.calls.total", "timedOut", "true") - timedOut);
        sent.forEach(message -> assertEquals(id,
                message.getMetadata(OutgoingRabbitMQMetadata.class).orElseThrow().getMessageId(),
                "every attempt sends the same message, which consumers know by its id"));
    }

    /** A channel that takes every message and never has it confirmed. */
    @SuppressWarnings("unchecked")
    private static MutinyEmitter<byte[]> silentBroker(List<Message<byte[]>> sent) {
        return (MutinyEmitter<byte[]>) Proxy.newProxyInstance(PublishTest.class.getClassLoader(),
                new Class<?>[] { MutinyEmitter.class }, (proxy, method, arguments) -> {
                    if (!method.getName().equals("sendMessage")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    sent.add((Message<byte[]>) arguments[0]);
                    return Uni.createFrom().nothing();
                });
    }

    private double counter(String name, String... tags) {
        Counter counter = metrics.find(name).tag("method", PUBLISHER).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }
}
