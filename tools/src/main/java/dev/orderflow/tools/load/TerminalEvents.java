package dev.orderflow.tools.load;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;

import dev.orderflow.tools.ParkedMessages;

/**
 * When each order reached its end: the order.confirmed and order.cancelled events, read from the broker through a
 * private queue as they are published, stamped with this process's clock on arrival.
 */
final class TerminalEvents implements AutoCloseable {

    record Terminal(long nanos, String type) {
    }

    private final Connection connection;
    private final Map<String, Terminal> byOrder = new ConcurrentHashMap<>();

    private TerminalEvents(Connection connection) throws IOException {
        this.connection = connection;
        Channel channel = connection.createChannel();
        String queue = channel.queueDeclare().getQueue();
        channel.queueBind(queue, "events", "order.confirmed");
        channel.queueBind(queue, "events", "order.cancelled");
        channel.basicConsume(queue, true, (tag, delivery) -> {
            String order = delivery.getProperties().getCorrelationId();
            if (order != null) {
                byOrder.putIfAbsent(order, new Terminal(System.nanoTime(), delivery.getProperties().getType()));
            }
        }, tag -> {
        });
    }

    static TerminalEvents subscribe(Map<String, String> environment) {
        try {
            Connection connection = ParkedMessages.factory(environment).newConnection("orderflow-load");
            connection.createChannel().exchangeDeclare("events", "topic", true);
            return new TerminalEvents(connection);
        } catch (IOException | TimeoutException e) {
            throw new IllegalStateException("cannot subscribe to the order events", e);
        }
    }

    Terminal of(String orderId) {
        return byOrder.get(orderId);
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
