package dev.orderflow.common.testing;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;

import dev.orderflow.common.messaging.MessageTypes;

/**
 * A plain AMQP connection to the broker the application under test uses, for what tests do behind the services'
 * back: publishing raw (even malformed) messages, emptying queues, and reading parked messages.
 * <p>
 * A test class that needs it throughout registers one as an extension, with its probes, and the extension connects
 * before the first test and closes everything after the last:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final TestBroker broker = TestBroker.perClass();
 * static final MessageProbe replies = broker.probe("replies", REPLY_TO);
 * </pre>
 *
 * For a single test, {@link #connect()} in a try-with-resources does the same.
 */
public final class TestBroker implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    /** The exchanges of the design brief's topology (section 5), with their types. */
    static final Map<String, String> EXCHANGE_TYPES = Map.of("commands", "direct", "replies", "direct", "events", "topic");
    /** Where the tests' broker is (orderflow-common's microprofile-config.properties), with the local defaults. */
    static final Map<String, String> SETTINGS = Map.of("rabbitmq-host", "localhost", "rabbitmq-port", "5672");

    private final List<MessageProbe> probes = new ArrayList<>();
    /** What {@link #awaitParked} took from each parking queue, since the queue was last purged. */
    private final Map<String, List<GetResponse>> parked = new ConcurrentHashMap<>();
    private Connection connection;
    private Channel channel;

    private TestBroker() {
    }

    /** Connects with the application's own rabbitmq-* settings ({@link #settings()}). */
    public static TestBroker connect() {
        TestBroker broker = new TestBroker();
        broker.open();
        return broker;
    }

    /** A broker connection for a test class, as its extension: connected before its first test, closed after its last. */
    public static TestBroker perClass() {
        return new TestBroker();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        open();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        close();
    }

    private void open() {
        Map<String, String> settings = settings();
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(settings.get("rabbitmq-host"));
        factory.setPort(Integer.parseInt(settings.get("rabbitmq-port")));
        // behind the services' back: as the tests' operator, who may do anything in the tests' virtual host
        factory.setUsername(TestAccounts.operator().username());
        factory.setPassword(TestAccounts.operator().password());
        factory.setVirtualHost(TestAccounts.VIRTUAL_HOST);
        try {
            connection = factory.newConnection("test-broker");
            channel = connection.createChannel();
            channel.confirmSelect();
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("cannot connect to RabbitMQ at " + factory.getHost() + ":" + factory.getPort(), e);
        }
        probes.forEach(probe -> probe.open(connection));
    }

    /**
     * The broker the application under test uses, as the services' rabbitmq-* settings: the host and port of the test
     * profile, else the local broker's (localhost:5672); the tests' virtual host, and the service's test user
     * ({@link TestAccounts}), that of the operator for an application that is not one of the services.
     */
    public static Map<String, String> settings() {
        Config config = ConfigProvider.getConfig();
        Map<String, String> settings = new LinkedHashMap<>();
        SETTINGS.forEach((key, fallback) -> settings.put(key, config.getOptionalValue(key, String.class).orElse(fallback)));
        TestAccounts.Account account = config.getOptionalValue("quarkus.application.name", String.class)
                .filter(TestAccounts.permissions()::containsKey).map(TestAccounts::service).orElse(TestAccounts.operator());
        settings.put("rabbitmq-username", account.username());
        settings.put("rabbitmq-password", account.password());
        settings.put("rabbitmq-virtual-host", TestAccounts.VIRTUAL_HOST);
        return settings;
    }

    /**
     * Publishes a contract as the services do: JSON body; message id, correlation id, type and reply-to as AMQP
     * properties; persistent.
     */
    public void send(String exchange, String routingKey, String messageId, String correlationId, String replyTo,
            Object payload) {
        send(exchange, routingKey, messageId, correlationId, replyTo, payload, Map.of());
    }

    /** As {@link #send(String, String, String, String, String, Object)}, with headers ({@code traceparent}...). */
    public void send(String exchange, String routingKey, String messageId, String correlationId, String replyTo,
            Object payload, Map<String, Object> headers) {
        AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder()
                .messageId(messageId).correlationId(correlationId).type(MessageTypes.nameOf(payload.getClass()))
                .replyTo(replyTo).headers(headers.isEmpty() ? null : headers)
                .contentType("application/json").deliveryMode(2).build();
        publish(exchange, routingKey, properties, MessageProbe.JsonCodec.INSTANCE.writeValueAsBytes(payload));
    }

    /** Publishes a command to its participant's queue: routed by its type on the {@code commands} exchange. */
    public void sendCommand(String messageId, String correlationId, String replyTo, Object command) {
        send("commands", MessageTypes.nameOf(command.getClass()), messageId, correlationId, replyTo, command);
    }

    /**
     * Sends a command as {@link #sendCommand} does, to a participant that must not handle it, and waits up to
     * {@code deadline} for the broker to park it in {@code parkingQueue} ({@code <participant's queue>.dlq}, purged
     * first): the parked message. Fails if it is not parked by then.
     */
    public GetResponse sendCommandUntilParked(String parkingQueue, Duration deadline, String messageId,
            String correlationId, String replyTo, Object command) {
        purge(parkingQueue);
        sendCommand(messageId, correlationId, replyTo, command);
        return awaitParked(parkingQueue, messageId, deadline);
    }

    /**
     * Waits up to {@code deadline} for the message {@code messageId} to be parked in {@code parkingQueue}, and answers
     * it as parked; fails if it is not parked by then. The messages taken from the queue meanwhile are kept for the
     * next wait, until the queue is purged.
     */
    public GetResponse awaitParked(String parkingQueue, String messageId, Duration deadline) {
        List<GetResponse> taken = parked.computeIfAbsent(parkingQueue, queue -> new CopyOnWriteArrayList<>());
        return Awaitility.await().atMost(deadline).until(() -> {
            taken.addAll(drain(parkingQueue));
            return taken.stream().filter(message -> messageId.equals(message.getProps().getMessageId())).findFirst();
        }, Optional::isPresent).get();
    }

    /**
     * Collects what is published to one of the project's exchanges under the given routing keys, through a private
     * queue: from now on if connected, else from when the extension connects. Closed with the broker.
     */
    public MessageProbe probe(String exchange, String... routingKeys) {
        MessageProbe probe = new MessageProbe(exchange, routingKeys);
        probes.add(probe);
        return connection == null ? probe : probe.open(connection);
    }

    /**
     * Closes, from the broker's side, the connections named {@code connectionName} in the tests' virtual host, as a
     * broker restart or a network cut would, and answers how many it closed. The connector names a channel's connection
     * {@code "<channel> (Incoming)"} or {@code "<channel> (Outgoing)"}; its client reconnects.
     */
    public static int closeConnections(String connectionName) {
        String listed = TestAccounts.rabbitmqctl(
                List.of("list_connections", "-p", TestAccounts.VIRTUAL_HOST, "pid", "client_properties"), null, false);
        int closed = 0;
        for (String line : listed.lines().toList()) {
            if (line.contains("\"" + connectionName + "\"")) {
                String pid = line.strip().split("\\s+", 2)[0];
                TestAccounts.rabbitmqctl(List.of("close_connection", pid, "closed by a test"), null, false);
                closed++;
            }
        }
        return closed;
    }

    /** Publishes and waits for the broker's confirm. */
    public synchronized void publish(String exchange, String routingKey, AMQP.BasicProperties properties, byte[] body) {
        try {
            channel.basicPublish(exchange, routingKey, properties, body);
            channel.waitForConfirmsOrDie(10_000);
        } catch (IOException | InterruptedException | TimeoutException e) {
            throw new IllegalStateException("cannot publish to " + exchange + "/" + routingKey, e);
        }
    }

    /**
     * Declares a queue of this connection's own (gone when it closes) with the given arguments, bound to
     * {@code exchange} (declared, durable, if missing) under {@code routingKey}.
     */
    public void declareQueue(String queue, Map<String, Object> arguments, String exchange, String exchangeType,
            String routingKey) {
        try {
            channel.exchangeDeclare(exchange, exchangeType, true);
            channel.queueDeclare(queue, false, true, true, arguments);
            channel.queueBind(queue, exchange, routingKey);
        } catch (IOException e) {
            throw new IllegalStateException("cannot declare " + queue, e);
        }
    }

    /** Empties the queue (and forgets what {@link #awaitParked} took from it). */
    public void purge(String queue) {
        parked.remove(queue);
        try {
            channel.queuePurge(queue);
        } catch (IOException e) {
            throw new IllegalStateException("cannot purge " + queue, e);
        }
    }

    /** Takes (and acknowledges) every message the queue holds right now. */
    public List<GetResponse> drain(String queue) {
        List<GetResponse> messages = new ArrayList<>();
        try {
            for (GetResponse message = channel.basicGet(queue, true); message != null; message = channel.basicGet(queue,
                    true)) {
                messages.add(message);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + queue, e);
        }
        return messages;
    }

    @Override
    public void close() throws IOException {
        for (MessageProbe probe : probes) {
            probe.close();
        }
        probes.clear();
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }
}
