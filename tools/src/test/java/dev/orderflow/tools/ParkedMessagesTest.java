package dev.orderflow.tools;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;

import dev.orderflow.common.testing.TestAccounts;

/** On the real broker: a queue with a parking queue, as the services declare them, and messages parked by rejection. */
class ParkedMessagesTest {

    /** The tools log in as an operator: the tests' ({@link TestAccounts}). */
    static final Map<String, String> OPERATOR = Map.of("RABBITMQ_USERNAME", TestAccounts.operator().username(),
            "RABBITMQ_PASSWORD", TestAccounts.operator().password(), "RABBITMQ_VIRTUAL_HOST", TestAccounts.VIRTUAL_HOST);

    final String queue = "tools-test-" + UUID.randomUUID();
    Connection connection;
    Channel channel;

    @BeforeEach
    void declare() throws Exception {
        connection = ParkedMessages.factory(OPERATOR).newConnection("parked-messages-test");
        channel = connection.createChannel();
        channel.confirmSelect();
        channel.exchangeDeclare("tools-test.dead-letters", "direct", false, true, null);
        channel.queueDeclare(queue + ".dlq", false, false, true, null);
        channel.queueBind(queue + ".dlq", "tools-test.dead-letters", queue);
        channel.queueDeclare(queue, false, false, true,
                Map.of("x-dead-letter-exchange", "tools-test.dead-letters", "x-dead-letter-routing-key", queue));
        park("m-1", "{\"n\":1}");
        park("m-2", "{\"n\":2}");
    }

    @AfterEach
    void close() throws Exception {
        channel.queueDelete(queue);
        channel.queueDelete(queue + ".dlq");
        connection.close();
    }

    @Test
    void listingLeavesEveryMessageParked() {
        try (ParkedMessages parked = ParkedMessages.connect(OPERATOR)) {
            List<ParkedMessages.Parked> messages = parked.list(queue);

            assertEquals(List.of("m-1", "m-2"), messages.stream().map(ParkedMessages.Parked::messageId).toList());
            assertEquals("rejected", messages.get(0).reason());
            assertEquals("{\"n\":1}", messages.get(0).body());
            assertEquals(2, parked.list(queue).size(), "still parked");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void replayPutsTheChosenMessageBackOnItsQueueAsItWas() throws Exception {
        try (ParkedMessages parked = ParkedMessages.connect(OPERATOR)) {
            assertEquals(1, parked.replay(queue, message -> message.messageId().equals("m-2")));
        }

        GetResponse replayed = channel.basicGet(queue, true);
        assertEquals("m-2", replayed.getProps().getMessageId());
        assertEquals("probe.work", replayed.getProps().getType());
        assertEquals("{\"n\":2}", new String(replayed.getBody(), StandardCharsets.UTF_8));
        assertEquals(null, replayed.getProps().getHeaders() == null ? null : replayed.getProps().getHeaders().get("x-death"));
        assertEquals(1, channel.messageCount(queue + ".dlq"), "m-1 stays parked");
    }

    /** Publishes a message on the queue and rejects it, as a consumer parks what it cannot read. */
    private void park(String messageId, String body) throws Exception {
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().messageId(messageId).type("probe.work").build();
        channel.basicPublish("", queue, properties, body.getBytes(StandardCharsets.UTF_8));
        channel.waitForConfirmsOrDie(5_000);
        long parkedBefore = channel.messageCount(queue + ".dlq");
        GetResponse message = channel.basicGet(queue, false);
        channel.basicReject(message.getEnvelope().getDeliveryTag(), false);
        await().until(() -> channel.messageCount(queue + ".dlq") > parkedBefore);
    }
}
