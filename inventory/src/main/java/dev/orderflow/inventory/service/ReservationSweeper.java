package dev.orderflow.inventory.service;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.mongodb.client.model.Filters;

import dev.orderflow.common.store.StoreRetry;
import dev.orderflow.inventory.Product;
import dev.orderflow.inventory.ReservationStatus;
import dev.orderflow.inventory.config.InventoryConfig;
import dev.orderflow.inventory.repository.ProductRepository;
import dev.orderflow.inventory.repository.ReservationRepository;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Inventory's own housekeeping, on a timer (several replicas may run it at once: every step is conditional):
 * releases reservations held past their time-to-live, and gives back stock that a crashed worker left held by an order
 * whose reservation was settled without it. Events whose publishing failed are the outbox sweep's
 * ({@link dev.orderflow.common.outbox.OutboxSweeper}).
 */
@ApplicationScoped
public class ReservationSweeper {

    private static final Logger LOG = Logger.getLogger(ReservationSweeper.class);
    /** Reservations whose holds are legitimate. */
    private static final Set<ReservationStatus> HOLDING = EnumSet.of(ReservationStatus.PENDING, ReservationStatus.HELD);

    private final ReservationService service;
    private final ReservationSteps steps;
    private final ReservationRepository reservations;
    private final ProductRepository products;
    private final StockLedger ledger;
    private final LowStockAlerts alerts;
    private final InventoryConfig.Reservations config;
    private final Clock clock;
    private final StoreRetry storeRetry;

    public ReservationSweeper(ReservationService service, ReservationSteps steps, ReservationRepository reservations,
            ProductRepository products,
            StockLedger ledger, LowStockAlerts alerts, InventoryConfig config, Clock clock, StoreRetry storeRetry) {
        this.service = service;
        this.steps = steps;
        this.reservations = reservations;
        this.products = products;
        this.ledger = ledger;
        this.alerts = alerts;
        this.config = config.reservations();
        this.clock = clock;
        this.storeRetry = storeRetry;
    }

    @Scheduled(every = "${inventory.reservations.sweep-interval}", delayed = "${inventory.reservations.sweep-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        Instant now = clock.instant();
        return expireDue(now)
                .chain(() -> reclaimOrphanHolds(now.minus(config.timeToLive()).minus(config.lease())))
                .chain(this::forgetSettledReturns)
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf(failure, "Inventory sweep failed; the next one retries");
                    return Uni.createFrom().voidItem();
                });
    }

    /** Releases the reservations held past their time-to-live, a batch per sweep. */
    Uni<Void> expireDue(Instant now) {
        return storeRetry.call(() -> reservations
                .find(Filters.and(Filters.eq("status", ReservationStatus.HELD), Filters.lt("expiresAt", now)))
                .range(0, config.sweepBatch() - 1).list())
                .onItem().transformToMulti(due -> Multi.createFrom().iterable(due))
                .onItem().transformToUniAndConcatenate(reservation -> service.expire(reservation.orderId)
                        .onFailure().recoverWithUni(failure -> {
                            LOG.warnf("Could not expire the reservation of order %s yet: %s", reservation.orderId,
                                    failure.toString());
                            return Uni.createFrom().voidItem();
                        }))
                .collect().last().replaceWithVoid();
    }

    /**
     * A hold older than any live reservation can be whose reservation is settled (or missing) was left by a worker
     * that lost its lease and then crashed: the stock goes back.
     */
    private Uni<Void> reclaimOrphanHolds(Instant before) {
        return products.list(Filters.lt("holds.at", before))
                .onItem().transformToMulti(stale -> Multi.createFrom().iterable(stale))
                .onItem().transformToMultiAndConcatenate(product -> Multi.createFrom().iterable(product.holds)
                        .filter(hold -> hold.at.isBefore(before))
                        .map(hold -> new OldHold(product.sku, hold)))
                .onItem().transformToUniAndConcatenate(this::reclaimIfOrphan)
                .collect().last().replaceWithVoid();
    }

    private record OldHold(String sku, Product.Hold hold) {
    }

    private Uni<Void> reclaimIfOrphan(OldHold old) {
        return reservations.findById(old.hold().orderId).chain(reservation -> {
            if (reservation != null && HOLDING.contains(reservation.status)) {
                return Uni.createFrom().voidItem();
            }
            LOG.warnf("Giving back %d of %s held by order %s, whose reservation is %s", old.hold().quantity, old.sku(),
                    old.hold().orderId, reservation == null ? "missing" : reservation.status);
            return ledger.releaseHold(old.hold().orderId, old.sku(), old.hold().quantity).chain(alerts::afterChange);
        });
    }

    /** Removes return marks left by a worker that crashed after recording the return. */
    private Uni<Void> forgetSettledReturns() {
        return products.list(Filters.exists("returns.0"))
                .onItem().transformToMulti(marked -> Multi.createFrom().iterable(marked))
                .onItem().transformToMultiAndConcatenate(product -> Multi.createFrom().iterable(product.returns))
                .onItem().transformToUniAndConcatenate(orderId -> reservations.findById(orderId)
                        .chain(reservation -> reservation != null && reservation.status == ReservationStatus.RETURNED
                                ? steps.forgetReturns(reservation)
                                : Uni.createFrom().voidItem()))
                .collect().last().replaceWithVoid();
    }

}
