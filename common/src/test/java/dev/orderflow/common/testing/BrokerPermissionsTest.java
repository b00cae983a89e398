package dev.orderflow.common.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.ShutdownSignalException;

/**
 * What the services' users must not do, tried for real on the broker, as each service's user in the tests' virtual
 * host with the permissions of deploy/rabbitmq/permissions ({@link TestAccounts}): every refusal is RabbitMQ's
 * ACCESS_REFUSED (403). That the same users may do all they need is shown by each service's own tests, which log in as
 * them.
 */
class BrokerPermissionsTest {

    static final int ACCESS_REFUSED = AMQP.ACCESS_REFUSED;
    static final int ALLOWED = 0;

    /** Each consumer queue of the topology, with its consumer. */
    static final Map<String, String> QUEUES = Map.of("inventory.commands", "inventory", "payment.commands", "payment",
            "shipping.commands", "shipping", "order.replies", "order", "order.shipment-events", "order",
            "notification.events", "notification");
    /** The exchanges each service publishes to. */
    static final Map<String, Set<String>> PUBLISHES_TO = Map.of("order", Set.of("commands", "events"), "inventory",
            Set.of("replies", "events"), "payment", Set.of("replies"), "shipping", Set.of("replies", "events"),
            "notification", Set.of());

    static Connection operator;

    @BeforeAll
    static void declareTheTopology() throws Exception {
        operator = connect(TestAccounts.operator());
        Channel channel = operator.createChannel();
        TestBroker.EXCHANGE_TYPES.forEach((exchange, type) -> {
            try {
                channel.exchangeDeclare(exchange, type, true);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        for (String queue : QUEUES.keySet()) {
            channel.queueDeclare(queue, true, false, false, null);
            channel.queueDeclare(queue + ".dlq", true, false, false, null);
        }
    }

    @AfterAll
    static void removeTheTopology() throws Exception {
        Channel channel = operator.createChannel();
        for (String queue : QUEUES.keySet()) {
            channel.queueDelete(queue);
            channel.queueDelete(queue + ".dlq");
        }
        operator.close();
    }

    @Test
    void everyServiceHasPermissionsAndNoneIsGuest() {
        assertEquals(Set.of("order", "inventory", "payment", "shipping", "notification"),
                TestAccounts.permissions().keySet());
        TestAccounts.permissions().forEach((service, permissions) -> {
            for (String regex : List.of(permissions.configure(), permissions.write(), permissions.read())) {
                assertTrue(regex.startsWith("^") && regex.endsWith("$"), service + ": anchored, or it matches more: " + regex);
            }
        });
    }

    @Test
    void paymentCannotSendTheSagasCommandsNorReadItsReplies() throws Exception {
        try (Connection payment = connect(TestAccounts.service("payment"))) {
            assertEquals(ACCESS_REFUSED, publish(payment, "commands", "inventory.reserve"));
            assertEquals(ACCESS_REFUSED, consume(payment, "order.replies"));
            assertEquals(ACCESS_REFUSED, consume(payment, "inventory.commands"));
            // what it needs, on the same connection: the refusals are not a broken login
            assertEquals(ALLOWED, publish(payment, "replies", "order"));
            assertEquals(ALLOWED, consume(payment, "payment.commands"));
        }
    }

    @Test
    void eachServiceConsumesOnlyItsOwnQueues() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String service : TestAccounts.permissions().keySet()) {
            try (Connection connection = connect(TestAccounts.service(service))) {
                for (Map.Entry<String, String> queue : QUEUES.entrySet()) {
                    int expected = queue.getValue().equals(service) ? ALLOWED : ACCESS_REFUSED;
                    if (consume(connection, queue.getKey()) != expected) {
                        wrong.add(service + " consuming " + queue.getKey());
                    }
                    // the parking queues are the operator's to read (the parked-messages tool)
                    if (consume(connection, queue.getKey() + ".dlq") != ACCESS_REFUSED) {
                        wrong.add(service + " consuming " + queue.getKey() + ".dlq");
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void eachServicePublishesOnlyToTheExchangesItSendsTo() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String service : TestAccounts.permissions().keySet()) {
            try (Connection connection = connect(TestAccounts.service(service))) {
                for (String exchange : TestBroker.EXCHANGE_TYPES.keySet()) {
                    int expected = PUBLISHES_TO.get(service).contains(exchange) ? ALLOWED : ACCESS_REFUSED;
                    if (publish(connection, exchange, "nowhere") != expected) {
                        wrong.add(service + " publishing to " + exchange);
                    }
                }
                // nor straight into another service's queue through the default exchange
                for (String queue : QUEUES.keySet()) {
                    if (!QUEUES.get(queue).equals(service) && publish(connection, "", queue) != ACCESS_REFUSED) {
                        wrong.add(service + " publishing to queue " + queue);
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void noServiceDeclaresOrDeletesAnotherServicesQueues() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String service : TestAccounts.permissions().keySet()) {
            try (Connection connection = connect(TestAccounts.service(service))) {
                for (String queue : QUEUES.keySet()) {
                    if (!QUEUES.get(queue).equals(service) && delete(connection, queue) != ACCESS_REFUSED) {
                        wrong.add(service + " deleting " + queue);
                    }
                }
                if (declare(connection, service + ".anything-else") != ACCESS_REFUSED) {
                    wrong.add(service + " declaring a queue of its own choosing");
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    static Connection connect(TestAccounts.Account account) throws IOException, TimeoutException {
        ConnectionFactory factory = new ConnectionFactory();
        Map<String, String> settings = TestBroker.SETTINGS;
        factory.setHost(settings.get("rabbitmq-host"));
        factory.setPort(Integer.parseInt(settings.get("rabbitmq-port")));
        factory.setUsername(account.username());
        factory.setPassword(account.password());
        factory.setVirtualHost(TestAccounts.VIRTUAL_HOST);
        return factory.newConnection("broker-permissions-test");
    }

    /** Publishes one message and waits for the broker's confirm: 0, or the reply code that closed the channel. */
    static int publish(Connection connection, String exchange, String routingKey) {
        return attempt(connection, channel -> {
            channel.confirmSelect();
            channel.basicPublish(exchange, routingKey, null, new byte[0]);
            channel.waitForConfirmsOrDie(5_000);
        });
    }

    /** Starts a consumer and cancels it: 0, or the reply code that closed the channel. */
    static int consume(Connection connection, String queue) {
        return attempt(connection, channel -> channel.basicCancel(channel.basicConsume(queue, false, (tag, delivery) -> {
        }, tag -> {
        })));
    }

    static int delete(Connection connection, String queue) {
        return attempt(connection, channel -> channel.queueDelete(queue, true, true));
    }

    static int declare(Connection connection, String queue) {
        return attempt(connection, channel -> channel.queueDeclare(queue, false, false, true, null));
    }

    interface OnChannel {
        void run(Channel channel) throws Exception;
    }

    private static int attempt(Connection connection, OnChannel action) {
        try {
            Channel channel = connection.createChannel();
            action.run(channel);
            channel.close();
            return ALLOWED;
        } catch (Exception e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ShutdownSignalException signal && signal.getReason() instanceof AMQP.Channel.Close close) {
                    return close.getReplyCode();
                }
            }
            throw new IllegalStateException("neither done nor refused", e);
        }
    }
}
