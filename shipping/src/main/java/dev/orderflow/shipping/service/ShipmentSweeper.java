package dev.orderflow.shipping.service;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.orderflow.shipping.config.ShippingConfig;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Publishes again, on a timer, the carrier events the broker never confirmed. Several replicas may sweep at once: an
 * event published twice has the same message id, which consumers recognise.
 */
@ApplicationScoped
public class ShipmentSweeper {

    private static final Logger LOG = Logger.getLogger(ShipmentSweeper.class);

    private final CarrierUpdates updates;
    private final Duration republishAfter;
    private final Clock clock;

    public ShipmentSweeper(CarrierUpdates updates, ShippingConfig config, Clock clock) {
        this.updates = updates;
        this.republishAfter = config.events().republishAfter();
        this.clock = clock;
    }

    @Scheduled(every = "${shipping.events.sweep-interval}", delayed = "${shipping.events.sweep-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        return updates.republishPending(clock.instant().minus(republishAfter))
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf(failure, "Shipping sweep failed; the next one retries");
                    return Uni.createFrom().voidItem();
                });
    }
}
