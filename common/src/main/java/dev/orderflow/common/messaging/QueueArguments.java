package dev.orderflow.common.messaging;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import io.smallrye.common.annotation.Identifier;

/**
 * Queue arguments the RabbitMQ connector adds to every queue it declares (its {@code queue.arguments} default bean).
 * The rest of the conventions (quorum type, delivery limit, dead-letter exchange and queue) are configuration, in
 * this module's {@code META-INF/microprofile-config.properties}.
 */
@ApplicationScoped
public class QueueArguments {

    /**
     * At-least-once dead-lettering: a quorum queue keeps a message until its dead-letter queue has confirmed it, so a
     * parked message is never lost. RabbitMQ requires the reject-publish overflow mode for it.
     */
    @Produces
    @Identifier("rabbitmq-queue-arguments")
    Map<String, Object> queueArguments() {
        return Map.of("x-dead-letter-strategy", "at-least-once", "x-overflow", "reject-publish");
    }
}
