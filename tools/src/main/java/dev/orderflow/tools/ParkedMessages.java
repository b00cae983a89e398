package dev.orderflow.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;

/**
 * The messages parked in a queue's dead-letter queue ({@code <queue>.dlq}): listed without being taken away, and put
 * back on the queue they came from once what made them fail is repaired. A replayed message is the same message (id,
 * type, body) with a fresh delivery count.
 */
public final class ParkedMessages implements AutoCloseable {

    private static final long CONFIRM_TIMEOUT_MILLIS = 10_000;

    private final Connection connection;
    private final Channel channel;

    private ParkedMessages(Connection connection) throws IOException {
        this.connection = connection;
        this.channel = connection.createChannel();
        this.channel.confirmSelect();
    }

    /** A parked message: why it was parked, and what it is. */
    public record Parked(String messageId, String type, String correlationId, String reason, long deliveries, String body) {
    }

    /**
     * Connects with the services' settings: RABBITMQ_HOST, RABBITMQ_PORT, RABBITMQ_USERNAME, RABBITMQ_PASSWORD,
     * RABBITMQ_VIRTUAL_HOST; without a user, as the local run's operator ({@link BrokerSettings}).
     */
    public static ParkedMessages connect(Map<String, String> environment) {
        ConnectionFactory factory = factory(environment);
        try {
            return new ParkedMessages(factory.newConnection("orderflow-tools"));
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("cannot connect to RabbitMQ at " + factory.getHost() + ":" + factory.getPort(), e);
        }
    }

    /** A connection factory with the services' RABBITMQ_* settings ({@link BrokerSettings}). */
    public static ConnectionFactory factory(Map<String, String> environment) {
        Map<String, String> settings = BrokerSettings.of(environment);
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(settings.get("RABBITMQ_HOST"));
        factory.setPort(Integer.parseInt(settings.get("RABBITMQ_PORT")));
        factory.setUsername(settings.get("RABBITMQ_USERNAME"));
        factory.setPassword(settings.get("RABBITMQ_PASSWORD"));
        factory.setVirtualHost(settings.get("RABBITMQ_VIRTUAL_HOST"));
        return factory;
    }

    /** What {@code <queue>.dlq} holds; every message stays parked. */
    public List<Parked> list(String queue) {
        List<Parked> parked = new ArrayList<>();
        try {
            long last = -1;
            for (GetResponse message = channel.basicGet(dlq(queue), false); message != null; message = channel
                    .basicGet(dlq(queue), false)) {
                parked.add(describe(message));
                last = message.getEnvelope().getDeliveryTag();
            }
            if (last >= 0) {
                channel.basicNack(last, true, true);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + dlq(queue), e);
        }
        return parked;
    }

    /** Puts the parked messages that match back on {@code queue}; the others stay parked. How many went back. */
    public int replay(String queue, Predicate<Parked> which) {
        int replayed = 0;
        try {
            long lastKept = -1;
            for (GetResponse message = channel.basicGet(dlq(queue), false); message != null; message = channel
                    .basicGet(dlq(queue), false)) {
                if (which.test(describe(message))) {
                    channel.basicPublish("", queue, fresh(message.getProps()), message.getBody());
                    channel.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MILLIS);
                    channel.basicAck(message.getEnvelope().getDeliveryTag(), false);
                    replayed++;
                } else {
                    lastKept = message.getEnvelope().getDeliveryTag();
                }
            }
            if (lastKept >= 0) {
                channel.basicNack(lastKept, true, true);
            }
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("cannot replay " + dlq(queue), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return replayed;
    }

    @Override
    public void close() throws IOException {
        try {
            connection.close();
        } catch (IOException e) {
            // closing a connection the broker dropped already
        }
    }

    private static String dlq(String queue) {
        return queue + ".dlq";
    }

    /** The same properties, without the broker's dead-lettering history: the queue counts deliveries anew. */
    private static AMQP.BasicProperties fresh(AMQP.BasicProperties properties) {
        Map<String, Object> headers = new HashMap<>(Optional.ofNullable(properties.getHeaders()).orElse(Map.of()));
        headers.keySet()
                .removeIf(name -> name.startsWith("x-death") || name.startsWith("x-first-death")
                        || name.startsWith("x-last-death")
                        || name.equals("x-delivery-count"));
        return properties.builder().headers(headers).build();
    }

    @SuppressWarnings("unchecked")
    private static Parked describe(GetResponse message) {
        AMQP.BasicProperties properties = message.getProps();
        Map<String, Object> headers = Optional.ofNullable(properties.getHeaders()).orElse(Map.of());
        String reason = "?";
        long deliveries = 0;
        Object deaths = headers.get("x-death");
        if (deaths instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> death) {
            reason = String.valueOf(((Map<String, Object>) death).get("reason"));
        }
        Object count = headers.get("x-delivery-count");
        if (count instanceof Number number) {
            deliveries = number.longValue() + 1;
        }
        return new Parked(properties.getMessageId(), properties.getType(), properties.getCorrelationId(), reason, deliveries,
                new String(message.getBody(), StandardCharsets.UTF_8));
    }
}
