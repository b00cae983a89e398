package dev.orderflow.inventory.service;

import static dev.orderflow.inventory.ReservationStatus.COMMITTED;
import static dev.orderflow.inventory.ReservationStatus.EXPIRED;
import static dev.orderflow.inventory.ReservationStatus.HELD;
import static dev.orderflow.inventory.ReservationStatus.REJECTED;
import static dev.orderflow.inventory.ReservationStatus.RELEASED;
import static dev.orderflow.inventory.ReservationStatus.RETURNED;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import dev.orderflow.common.outbox.Outbox;
import dev.orderflow.contracts.inventory.StockReleased;
import dev.orderflow.inventory.Product;
import dev.orderflow.inventory.Reservation;
import dev.orderflow.inventory.ReservationStatus;
import dev.orderflow.inventory.ReservationStep;
import dev.orderflow.inventory.config.InventoryConfig;
import dev.orderflow.inventory.messaging.ReservationOutbox;
import dev.orderflow.inventory.repository.ProductRepository;
import io.smallrye.mutiny.Uni;

/**
 * How a reservation's stock moves, step by step, under {@link ReservationLease}. Stock moves one product at a time
 * through {@link StockLedger}, whose updates are safe to repeat, and {@link Reservation#underway} records a step under
 * way (PENDING, stock being taken): {@link #finishInProgress} completes whatever a crashed worker left half done,
 * before anything else happens: the one place that finishes a reservation's half-done step.
 */
@ApplicationScoped
public class ReservationSteps {

    private static final Logger LOG = Logger.getLogger(ReservationSteps.class);

    private final ReservationLease lease;
    private final ProductRepository products;
    private final StockLedger ledger;
    private final LowStockAlerts alerts;
    private final ReservationOutbox outbox;
    private final InventoryMetrics metrics;
    private final Duration timeToLive;
    private final Clock clock;

    public ReservationSteps(ReservationLease lease, ProductRepository products, StockLedger ledger, LowStockAlerts alerts,
            ReservationOutbox outbox, InventoryMetrics metrics, InventoryConfig config, Clock clock) {
        this.lease = lease;
        this.metrics = metrics;
        this.products = products;
        this.ledger = ledger;
        this.alerts = alerts;
        this.outbox = outbox;
        this.timeToLive = config.reservations().timeToLive();
        this.clock = clock;
    }

    Uni<Reservation> finishInProgress(Reservation reservation) {
        if (reservation.status == ReservationStatus.PENDING) {
            return takeStock(reservation);
        }
        if (reservation.underway == null) {
            return settled(reservation);
        }
        return switch (reservation.underway) {
            case COMMIT -> completeCommit(reservation);
            case RELEASE -> completeRelease(reservation);
            case RETURN -> completeReturn(reservation);
            case EXPIRE -> completeExpiry(reservation);
        };
    }

    /** PENDING: reads the products once, refuses what cannot be served, then takes every line or none. */
    Uni<Reservation> takeStock(Reservation reservation) {
        List<String> skus = reservation.lines.stream().map(line -> line.sku).toList();
        return products.list(Filters.in("_id", skus))
                .map(found -> found.stream().collect(Collectors.toMap(product -> product.sku, Function.identity())))
                .chain(bySku -> ReservationCheck.beforeTaking(reservation.orderId, reservation.lines, bySku)
                        .map(refusal -> reject(reservation, refusal))
                        .orElseGet(() -> takeEveryLine(reservation)));
    }

    private Uni<Reservation> takeEveryLine(Reservation reservation) {
        return lease.stillLeased(reservation)
                .chain(() -> Uni.join().all(reservation.lines.stream()
                        .map(line -> ledger.hold(reservation.orderId, line.sku, line.quantity)).toList()).andFailFast())
                .chain(takes -> takes.stream().allMatch(StockLedger.Take::holds)
                        ? hold(reservation, takes)
                        : reject(reservation, ReservationCheck.afterTaking(reservation.lines, takes)));
    }

    private Uni<Reservation> hold(Reservation reservation, List<StockLedger.Take> takes) {
        Instant now = clock.instant();
        Map<String, Product> bySku = takes.stream().collect(Collectors.toMap(StockLedger.Take::sku, StockLedger.Take::product));
        List<Reservation.Line> priced = reservation.lines.stream().map(line -> {
            Product product = bySku.get(line.sku);
            Reservation.Line held = new Reservation.Line(line.sku, line.quantity);
            held.unitPrice = product.unitPrice;
            held.currency = product.currency;
            return held;
        }).toList();
        List<Product> taken = takes.stream().filter(take -> take.kind() == StockLedger.Take.Kind.TAKEN)
                .map(StockLedger.Take::product)
                .toList();
        return lease.transition(reservation, HELD, Updates.set("lines", priced), Updates.set("heldAt", now),
                Updates.set("expiresAt", now.plus(timeToLive)))
                .invoke(metrics::reserved)
                .call(() -> alerts.afterChanges(taken))
                .invoke(held -> LOG.infof("Order %s: stock held for %d line(s)", held.orderId, held.lines.size()));
    }

    /** Gives back whatever this order may hold already (a resumed reservation), then records the refusal. */
    private Uni<Reservation> reject(Reservation reservation, ReservationCheck.Refusal refusal) {
        return giveBackHeld(reservation)
                .chain(() -> lease.transition(reservation, REJECTED, Updates.set("rejectionReason", refusal.reason()),
                        Updates.set("problems", refusal.problems()), Updates.set("closedAt", clock.instant())))
                .invoke(metrics::rejected)
                .invoke(rejected -> LOG.infof("Order %s: stock refused (%s)", rejected.orderId, rejected.rejectionReason));
    }

    Uni<Reservation> releaseOrReturn(Reservation reservation) {
        return switch (reservation.status) {
            case HELD -> lease.begin(reservation, ReservationStep.RELEASE).chain(this::completeRelease);
            case COMMITTED -> lease.begin(reservation, ReservationStep.RETURN).chain(this::completeReturn);
            default -> settled(reservation);
        };
    }

    private Uni<Reservation> completeRelease(Reservation reservation) {
        return giveBackHeld(reservation)
                .chain(() -> lease.transition(reservation, RELEASED,
                        Updates.set("releaseOutcome", StockReleased.Outcome.RELEASED),
                        Updates.set("closedAt", clock.instant())))
                .invoke(released -> LOG.infof("Order %s: held stock released", released.orderId));
    }

    Uni<Reservation> commitHeld(Reservation reservation) {
        return lease.begin(reservation, ReservationStep.COMMIT).chain(this::completeCommit);
    }

    /** COMMIT under way: the held stock is sold. */
    Uni<Reservation> completeCommit(Reservation reservation) {
        return lease.stillLeased(reservation)
                .chain(() -> Uni.join().all(reservation.lines.stream()
                        .map(line -> ledger.commitHold(reservation.orderId, line.sku, line.quantity)).toList()).andFailFast())
                .chain(() -> lease.transition(reservation, COMMITTED))
                .invoke(committed -> LOG.infof("Order %s: stock sold", committed.orderId));
    }

    private Uni<Reservation> completeReturn(Reservation reservation) {
        return lease.stillLeased(reservation)
                .chain(() -> Uni.join().all(reservation.lines.stream()
                        .map(line -> ledger.giveBack(reservation.orderId, line.sku, line.quantity)).toList()).andFailFast())
                .call(returned -> alerts.afterChanges(nonNull(returned)))
                .chain(() -> lease.transition(reservation, RETURNED,
                        Updates.set("releaseOutcome", StockReleased.Outcome.RETURNED),
                        Updates.set("closedAt", clock.instant())))
                .call(returned -> forgetReturns(returned))
                .invoke(returned -> LOG.infof("Order %s: sold stock returned", returned.orderId));
    }

    /** Drops the marks a return leaves on products, once the reservation records it. */
    Uni<Void> forgetReturns(Reservation reservation) {
        return Uni.join()
                .all(reservation.lines.stream().map(line -> ledger.forgetReturn(reservation.orderId, line.sku)).toList())
                .andFailFast().replaceWithVoid();
    }

    Uni<Reservation> expireHeld(Reservation reservation) {
        return lease.begin(reservation, ReservationStep.EXPIRE).chain(this::completeExpiry);
    }

    /** The reservation-expired event is stored with the EXPIRED status, then published (or left to the outbox sweep). */
    private Uni<Reservation> completeExpiry(Reservation reservation) {
        return giveBackHeld(reservation)
                .chain(() -> {
                    Instant now = clock.instant();
                    return lease.transition(reservation, EXPIRED,
                            Outbox.add(ReservationOutbox.expired(reservation.orderId, now)),
                            Updates.set("closedAt", now));
                })
                .invoke(expired -> LOG.infof("Order %s: reservation expired, stock released", expired.orderId))
                .call(expired -> outbox.publish(expired));
    }

    /** Moves whatever the order holds back to available stock; lines it does not hold are skipped. */
    private Uni<Void> giveBackHeld(Reservation reservation) {
        return lease.stillLeased(reservation)
                .chain(() -> Uni.join().all(reservation.lines.stream()
                        .map(line -> ledger.releaseHold(reservation.orderId, line.sku, line.quantity)).toList()).andFailFast())
                .chain(released -> alerts.afterChanges(nonNull(released)));
    }

    private static Uni<Reservation> settled(Reservation reservation) {
        return Uni.createFrom().item(reservation);
    }

    private static List<Product> nonNull(List<Product> products) {
        return products.stream().filter(product -> product != null).toList();
    }
}
