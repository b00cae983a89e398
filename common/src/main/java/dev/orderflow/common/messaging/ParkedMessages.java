package dev.orderflow.common.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.smallrye.reactive.messaging.rabbitmq.IncomingRabbitMQMetadata;

/**
 * Counts the messages {@link Messaging} parks, in {@code messages.parked} (tags {@code queue} and {@code reason}):
 * <ul>
 * <li>{@value #UNREADABLE}: parked at once (rejected without requeue), being unreadable or refused by its handler as
 * such;</li>
 * <li>{@value #DELIVERY_LIMIT}: handed back to the broker after its last delivery the queue's delivery limit allows,
 * which the broker then dead-letters. The broker counts the earlier deliveries in {@code x-delivery-count} and
 * dead-letters a message handed back once it was delivered {@code x-delivery-limit} times before.</li>
 * </ul>
 * Each is counted once the broker has taken the settlement. What the broker parks on its own is not seen here: a
 * command that expired in its queue, or a message whose consumer died during its last delivery.
 * <p>
 * A message names its exchange and routing key, not its queue: the queue is the incoming RabbitMQ channel bound to
 * them, read from the channels' configuration ({@code mp.messaging.incoming.<channel>.queue.name},
 * {@code exchange.name}, {@code exchange.type}, {@code routing-keys}, {@code queue.x-delivery-limit}, with the
 * connector's defaults); a message sent straight to a queue (the default exchange, as a replayed one is) names its
 * queue as routing key. With one incoming channel only, every message is its queue's.
 */
// at start: its series exist from then on, at 0, for an alert on their first increase
@Startup
@ApplicationScoped
public class ParkedMessages {

    public static final String METER = "messages.parked";
    public static final String UNREADABLE = "unreadable";
    public static final String DELIVERY_LIMIT = "delivery-limit";
    static final String UNKNOWN_QUEUE = "unknown";

    private static final String INCOMING = "mp.messaging.incoming.";
    private static final String CONNECTOR = "smallrye-rabbitmq";
    private static final String DEFAULT_DELIVERY_LIMIT = "mp.messaging.connector." + CONNECTOR + ".queue.x-delivery-limit";

    /** An incoming channel's queue, how it is bound, and how many deliveries it allows a message. */
    record Queue(String name, String exchange, boolean topic, List<String> routingKeys, Optional<Long> deliveryLimit) {

        boolean receives(String messageExchange, String routingKey) {
            if (messageExchange.isEmpty()) {
                return name.equals(routingKey);
            }
            return exchange.equals(messageExchange) && routingKeys.stream()
                    .anyMatch(key -> topic ? matches(key.split("\\.", -1), 0, routingKey.split("\\.", -1), 0)
                            : key.equals(routingKey));
        }

        /** AMQP topic matching: {@code *} is one word, {@code #} any number of words. */
        private static boolean matches(String[] pattern, int p, String[] key, int k) {
            if (p == pattern.length) {
                return k == key.length;
            }
            if (pattern[p].equals("#")) {
                for (int rest = k; rest <= key.length; rest++) {
                    if (matches(pattern, p + 1, key, rest)) {
                        return true;
                    }
                }
                return false;
            }
            return k < key.length && (pattern[p].equals("*") || pattern[p].equals(key[k]))
                    && matches(pattern, p + 1, key, k + 1);
        }
    }

    private final List<Queue> queues;
    private final MeterRegistry registry;

    public ParkedMessages(Config config, MeterRegistry registry) {
        this.queues = queues(config);
        this.registry = registry;
        for (Queue queue : queues) {
            counter(queue.name(), UNREADABLE);
            counter(queue.name(), DELIVERY_LIMIT);
        }
    }

    /** The message was parked at once. */
    void unreadable(IncomingRabbitMQMetadata message) {
        counter(queueOf(message).map(Queue::name).orElse(UNKNOWN_QUEUE), UNREADABLE).increment();
    }

    /** The message was handed back to the broker for a redelivery: counted if its queue allows none any more. */
    void handedBack(IncomingRabbitMQMetadata message) {
        Optional<Queue> queue = queueOf(message);
        Optional<Long> limit = queue.flatMap(Queue::deliveryLimit);
        Object earlier = message.getHeaders().get("x-delivery-count");
        long earlierDeliveries = earlier instanceof Number number ? number.longValue() : 0;
        if (limit.isPresent() && earlierDeliveries >= limit.get()) {
            counter(queue.get().name(), DELIVERY_LIMIT).increment();
        }
    }

    private Counter counter(String queue, String reason) {
        return Counter.builder(METER).description("Messages parked in their queue's dead-letter queue, by why")
                .tag("queue", queue).tag("reason", reason).register(registry);
    }

    Optional<Queue> queueOf(IncomingRabbitMQMetadata message) {
        if (queues.size() == 1) {
            return Optional.of(queues.get(0));
        }
        String exchange = message.getExchange() == null ? "" : message.getExchange();
        List<Queue> receiving = queues.stream().filter(queue -> queue.receives(exchange, message.getRoutingKey())).toList();
        return receiving.size() == 1 ? Optional.of(receiving.get(0)) : Optional.empty();
    }

    /** The service's incoming RabbitMQ channels, as the connector declares their queues. */
    static List<Queue> queues(Config config) {
        List<Queue> queues = new ArrayList<>();
        StreamSupport.stream(config.getPropertyNames().spliterator(), false)
                .filter(name -> name.startsWith(INCOMING) && name.endsWith(".connector"))
                .filter(name -> CONNECTOR.equals(config.getOptionalValue(name, String.class).orElse(null)))
                .map(name -> name.substring(INCOMING.length(), name.length() - ".connector".length()))
                .distinct()
                .forEach(channel -> {
                    String prefix = INCOMING + channel + ".";
                    queues.add(new Queue(
                            config.getOptionalValue(prefix + "queue.name", String.class).orElse(channel),
                            config.getOptionalValue(prefix + "exchange.name", String.class).orElse(channel),
                            "topic".equals(config.getOptionalValue(prefix + "exchange.type", String.class).orElse("topic")),
                            config.getOptionalValues(prefix + "routing-keys", String.class).orElse(List.of("#")).stream()
                                    .map(String::trim).toList(),
                            config.getOptionalValue(prefix + "queue.x-delivery-limit", Long.class)
                                    .or(() -> config.getOptionalValue(DEFAULT_DELIVERY_LIMIT, Long.class))));
                });
        return List.copyOf(queues);
    }
}
