package dev.orderflow.common.messaging;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.common.annotation.Identifier;

/**
 * Queue arguments the RabbitMQ connector adds to every queue it declares (its {@code queue.arguments} default bean).
 * The rest of the conventions (quorum type, delivery limit, dead-letter exchange and queue) are configuration, in
 * this module's {@code META-INF/microprofile-config.properties}.
 */
@ApplicationScoped
public class QueueArguments {

    static final String QUEUE_TYPE = "mp.messaging.connector.smallrye-rabbitmq.queue.x-queue-type";

    private final String queueType;

    public QueueArguments(@ConfigProperty(name = QUEUE_TYPE, defaultValue = "quorum") String queueType) {
        this.queueType = queueType;
    }

    /**
     * For quorum queues, at-least-once dead-lettering: the queue keeps a message until its dead-letter queue has
     * confirmed it, so a parked message is never lost; RabbitMQ requires the reject-publish overflow mode for it.
     * Other queue types refuse these arguments.
     */
    @Produces
    @Identifier("rabbitmq-queue-arguments")
    Map<String, Object> queueArguments() {
        return of(queueType);
    }

    static Map<String, Object> of(String queueType) {
        return "quorum".equals(queueType) ? Map.of("x-dead-letter-strategy", "at-least-once", "x-overflow", "reject-publish")
                : Map.of();
    }
}
