package dev.orderflow.common.testing;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

/**
 * Collects the messages published to an exchange under some routing keys, through a private queue of its own, for
 * tests to wait for and read.
 */
public final class MessageProbe implements AutoCloseable {

    static final Duration DEADLINE = Duration.ofSeconds(20);

    private final String exchange;
    private final String[] routingKeys;
    private volatile Channel channel;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Consumer<Received> listener = message -> {
    };

    /** A probe not listening yet: {@link #open} binds it. */
    MessageProbe(String exchange, String... routingKeys) {
        this.exchange = exchange;
        this.routingKeys = routingKeys.clone();
    }

    /**
     * Starts collecting through a private queue on {@code connection}. The exchange is declared as the services
     * declare it, in case none of them has started publishing.
     */
    MessageProbe open(Connection connection) {
        try {
            Channel opened = connection.createChannel();
            opened.exchangeDeclare(exchange, TestBroker.EXCHANGE_TYPES.getOrDefault(exchange, "direct"), true);
            String queue = opened.queueDeclare().getQueue();
            for (String key : routingKeys) {
                opened.queueBind(queue, exchange, key);
            }
            opened.basicConsume(queue, true, (tag, delivery) -> {
                Received message = new Received(delivery.getEnvelope().getRoutingKey(), delivery.getProperties(),
                        delivery.getBody());
                received.add(message);
                listener.accept(message);
            }, tag -> {
            });
            this.channel = opened;
            return this;
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on " + exchange, e);
        }
    }

    /** Acts on every message from now on, as it arrives (on the broker client's thread): for stand-in services. */
    public MessageProbe onEachMessage(Consumer<Received> action) {
        this.listener = action;
        return this;
    }

    /** A message as it arrived. */
    public record Received(String routingKey, AMQP.BasicProperties properties, byte[] body) {

        public String type() {
            return properties.getType();
        }

        public String messageId() {
            return properties.getMessageId();
        }

        public String correlationId() {
            return properties.getCorrelationId();
        }

        /** The W3C trace context it carries; null without one. */
        public String traceparent() {
            Object header = properties.getHeaders() == null ? null : properties.getHeaders().get("traceparent");
            return header == null ? null : header.toString();
        }

        public <T> T as(Class<T> contract) {
            return JsonCodec.INSTANCE.read(body, contract);
        }
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public List<Received> received(Predicate<Received> which) {
        return received.stream().filter(which).toList();
    }

    /** Waits for the first message that matches. */
    public Received await(Predicate<Received> which) {
        return Awaitility.await().atMost(DEADLINE)
                .until(() -> received.stream().filter(which).findFirst(), Optional::isPresent).get();
    }

    /** Waits until {@code count} messages match, and returns them. */
    public List<Received> await(Predicate<Received> which, int count) {
        Awaitility.await().atMost(DEADLINE).until(() -> received(which).size() >= count);
        return received(which);
    }

    public static Predicate<Received> correlatedTo(String correlationId) {
        return message -> correlationId.equals(message.correlationId());
    }

    public static Predicate<Received> ofType(String type) {
        return message -> type.equals(message.type());
    }

    @Override
    public void close() throws IOException {
        if (channel == null || !channel.isOpen()) {
            return;
        }
        try {
            channel.close();
        } catch (TimeoutException e) {
            throw new IOException(e);
        }
    }

    /** JSON as the services write it. */
    static final class JsonCodec {

        /**
         * Made when first used, in a test, not when a test class's probes are declared: Jackson finds its modules
         * through the context class loader, which is the application's only once Quarkus runs the test.
         */
        static final JsonCodec INSTANCE = new JsonCodec();

        private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();

        byte[] writeValueAsBytes(Object value) {
            try {
                return mapper.writeValueAsBytes(value);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(e);
            }
        }

        <T> T read(byte[] body, Class<T> type) {
            try {
                return mapper.readValue(body, type);
            } catch (IOException e) {
                throw new IllegalArgumentException("not a " + type.getSimpleName() + ": " + new String(body), e);
            }
        }
    }
}
