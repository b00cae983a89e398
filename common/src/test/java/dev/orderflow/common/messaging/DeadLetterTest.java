package dev.orderflow.common.messaging;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.GetResponse;

import dev.orderflow.common.testing.Meters;
import dev.orderflow.common.testing.TestBroker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The dead-letter convention, end to end on the real broker: a failing handler is retried in-process (HandlerRetry, 2
 * attempts a delivery in the tests), then the message goes back to the broker, and what cannot be handled is parked,
 * and counted, while the rest flows.
 */
@QuarkusTest
class DeadLetterTest {

    static final String QUEUE = "orderflow-test.probe";
    static final String PARKING = QUEUE + ".dlq";
    static final Duration DEADLINE = Duration.ofSeconds(20);
    static final String HANDLER_RETRY = "dev.orderflow.common.messaging.HandlerRetry.handle";

    @RegisterExtension
    static final TestBroker broker = TestBroker.perClass();

    @Inject
    ProbeConsumer consumer;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "mp.messaging.incoming.probe.queue.x-delivery-limit")
    int deliveryLimit;

    @ConfigProperty(name = "quarkus.fault-tolerance.\"dev.orderflow.common.messaging.HandlerRetry/handle\".retry.max-retries")
    int retriesPerDelivery;

    @BeforeEach
    void emptyParkingQueue() {
        broker.purge(PARKING);
    }

    @Test
    void poisonIsParkedAfterTheDeliveryLimitWhileGoodMessagesBehindItAreProcessed() {
        String poison = "poison-" + UUID.randomUUID();
        List<String> good = List.of("good-" + UUID.randomUUID(), "good-" + UUID.randomUUID(), "good-" + UUID.randomUUID());
        double parkedBefore = parkedCount(ParkedMessages.DELIVERY_LIMIT);

        double gaveUp = retryCalls("true", "maxRetriesReached");
        double firstTime = retryCalls("false", "valueReturned");

        consumer.send(new Work(poison, true), DEADLINE);
        good.forEach(id -> consumer.send(new Work(id, false), DEADLINE));

        await().atMost(DEADLINE).until(() -> consumer.processed(good));
        GetResponse parkedPoison = awaitParked(poison);

        // every delivery runs the handler 1 + retriesPerDelivery times; the broker delivers it deliveryLimit + 1 times
        assertEquals((deliveryLimit + 1) * (1 + retriesPerDelivery), consumer.attempts(poison));
        assertEquals(deliveryLimit + 1, retryCalls("true", "maxRetriesReached") - gaveUp, "a delivery, a retry that gave up");
        assertEquals(good.size(), retryCalls("false", "valueReturned") - firstTime);
        good.forEach(id -> assertEquals(1, consumer.attempts(id), id));
        assertEquals(poison, parkedPoison.getProps().getMessageId());
        assertEquals("probe.work", parkedPoison.getProps().getType());
        assertEquals("order-" + poison, parkedPoison.getProps().getCorrelationId());
        assertEquals(2, parkedPoison.getProps().getDeliveryMode());
        assertEquals("delivery_limit", firstDeath(parkedPoison).get("reason").toString());
        // counted once, at the last delivery its queue allowed; the good messages, acknowledged, count nothing
        assertEquals(parkedBefore + 1, parkedCount(ParkedMessages.DELIVERY_LIMIT));
    }

    @Test
    void unreadableMessageIsParkedAtOnce() {
        String unknownType = "unknown-" + UUID.randomUUID();
        String badBody = "bad-body-" + UUID.randomUUID();
        double parkedBefore = parkedCount(ParkedMessages.UNREADABLE);

        publishRaw(unknownType, "probe.mystery", "{\"id\":\"x\"}");
        publishRaw(badBody, "probe.work", "this is not json");

        GetResponse parkedUnknown = awaitParked(unknownType);
        GetResponse parkedBadBody = awaitParked(badBody);

        assertEquals("rejected", firstDeath(parkedUnknown).get("reason").toString());
        assertEquals("rejected", firstDeath(parkedBadBody).get("reason").toString());
        assertEquals(0, consumer.attempts("x"), "the handler never ran");
        await().atMost(DEADLINE).until(() -> parkedCount(ParkedMessages.UNREADABLE) == parkedBefore + 2);
        assertThat(Meters.scrape(), containsString("messages_parked_total{application=\"orderflow-common\",queue=\"" + QUEUE
                + "\",reason=\"unreadable\"}"));
    }

    private double parkedCount(String reason) {
        return Meters.count(registry, ParkedMessages.METER, "queue", QUEUE, "reason", reason);
    }

    @Test
    void aHandlerThatFailsOnceIsRetriedInProcessAndTheMessageAcknowledged() {
        String flaky = ProbeConsumer.FLAKY + UUID.randomUUID();
        double retriedAndDone = retryCalls("true", "valueReturned");
        double retries = retries();

        consumer.send(new Work(flaky, false), DEADLINE);

        await().atMost(DEADLINE).until(() -> consumer.processed(List.of(flaky)));
        assertEquals(2, consumer.attempts(flaky), "the first attempt fails, the retry in the same delivery succeeds");
        assertEquals(1, consumer.seen(flaky).stream().map(ProbeConsumer.Attempt::orderId).distinct().count());
        await().atMost(DEADLINE).until(() -> retryCalls("true", "valueReturned") - retriedAndDone == 1);
        assertEquals(1, retries() - retries, "one retry, then the message is acknowledged");
    }

    @Test
    void aHandlerThatCannotReadItsMessageIsNotRetriedAndTheMessageParkedAtOnce() {
        String unreadable = ProbeConsumer.UNREADABLE + UUID.randomUUID();
        double notRetryable = retryCalls("false", "exceptionNotRetryable");

        consumer.send(new Work(unreadable, false), DEADLINE);

        GetResponse parkedMessage = awaitParked(unreadable);
        assertEquals(1, consumer.attempts(unreadable), "one attempt, no redelivery");
        assertEquals("rejected", firstDeath(parkedMessage).get("reason").toString());
        assertEquals(1, retryCalls("false", "exceptionNotRetryable") - notRetryable);
    }

    /** The handler retry's calls that ended as {@code retryResult}, retried or not ({@code ft_retry_calls_total}). */
    private double retryCalls(String retried, String retryResult) {
        Counter counter = registry.find("ft.retry.calls.total").tags("method", HANDLER_RETRY, "retried", retried,
                "retryResult", retryResult).counter();
        return counter == null ? 0 : counter.count();
    }

    private double retries() {
        Counter counter = registry.find("ft.retry.retries.total").tags("method", HANDLER_RETRY).counter();
        return counter == null ? 0 : counter.count();
    }

    private void publishRaw(String messageId, String type, String body) {
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                .messageId(messageId).type(type).contentType("application/json").deliveryMode(2).build();
        broker.publish("orderflow-test", "probe.work", properties, body.getBytes(StandardCharsets.UTF_8));
    }

    private GetResponse awaitParked(String messageId) {
        return broker.awaitParked(PARKING, messageId, DEADLINE);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstDeath(GetResponse message) {
        List<Map<String, Object>> deaths = (List<Map<String, Object>>) message.getProps().getHeaders().get("x-death");
        return deaths.get(0);
    }
}
