package dev.orderflow.common.messaging;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.orderflow.common.testing.LogLines;
import dev.orderflow.common.testing.TestBroker;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A consumer's connection cut while a message is being handled, as a broker restart cuts it: the broker takes the
 * message back and delivers it again on the client's new channel, and the first handling, when it ends, does not
 * settle the message on that new channel, where its delivery tag is unknown and would close it (DeliveryChannel).
 */
@QuarkusTest
class ReconnectionTest {

    static final Duration DEADLINE = Duration.ofSeconds(30);
    static final String CONSUMER_CONNECTION = "probe (Incoming)";

    @RegisterExtension
    static final TestBroker broker = TestBroker.perClass();

    @RegisterExtension
    static final LogLines logs = LogLines.of("");

    @Inject
    ProbeConsumer consumer;

    @Test
    void aMessageHandledAcrossAReconnectionIsDeliveredAgainAndNotSettledOnTheNewChannel() {
        String held = ProbeConsumer.HELD + UUID.randomUUID();
        String after = "after-" + UUID.randomUUID();

        consumer.send(new Work(held, false), DEADLINE);
        await().atMost(DEADLINE).until(() -> consumer.attempts(held) == 1);
        assertEquals(1, TestBroker.closeConnections(CONSUMER_CONNECTION), "the consumer's connection");

        // the broker delivers it again on the new channel, where it is handled and acknowledged
        await().atMost(DEADLINE).until(() -> consumer.processed(List.of(held)));
        assertEquals(2, consumer.attempts(held));
        // the first handling ends now, its channel gone: it is left unsettled, not acknowledged on the new channel
        consumer.release(held);
        await().atMost(DEADLINE).until(() -> !logs.lines(line -> line.message().startsWith(
                "Message " + held + " from probe.work not settled: the channel it came in on is gone")).isEmpty());

        consumer.send(new Work(after, false), DEADLINE);
        await().atMost(DEADLINE).until(() -> consumer.processed(List.of(after)));
        assertEquals(1, consumer.attempts(after), "handled once: no late ack closed the channel it came on");
        assertEquals(2, consumer.attempts(held), "not delivered a third time");
        // a late ack on the new channel would have had the broker close it, and the client consume a second time
        assertEquals(1, logs.lines(line -> line.message().startsWith("Reconsume queue: orderflow-test.probe success")).size(),
                "the consumer came back once, after the cut");
    }

}
