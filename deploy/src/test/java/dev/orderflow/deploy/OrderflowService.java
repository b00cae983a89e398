package dev.orderflow.deploy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The five services as the deployment sees them: the port each serves on (its {@code quarkus.http.port}), and the queue
 * it consumes that queue-depth scaling watches (order, which takes the HTTP traffic, scales on CPU instead).
 */
enum OrderflowService {

    ORDER("order", 8080, null),
    INVENTORY("inventory", 8081, "inventory.commands"),
    PAYMENT("payment", 8082, "payment.commands"),
    SHIPPING("shipping", 8083, "shipping.commands"),
    NOTIFICATION("notification", 8084, "notification.events");

    private final String id;
    private final int port;
    private final String queue;

    OrderflowService(String id, int port, String queue) {
        this.id = id;
        this.port = port;
        this.queue = queue;
    }

    /** The name of its module, Deployment, Service, image ({@code orderflow-<id>}) and compose service. */
    String id() {
        return id;
    }

    int port() {
        return port;
    }

    Optional<String> queue() {
        return Optional.ofNullable(queue);
    }

    /** The image's repository, without registry or tag. */
    String imageName() {
        return "orderflow-" + id;
    }

    static List<String> ids() {
        return Arrays.stream(values()).map(OrderflowService::id).toList();
    }
}
