package dev.orderflow.inventory.service;

import static dev.orderflow.inventory.ReservationStatus.COMMITTED;
import static dev.orderflow.inventory.ReservationStatus.COMMITTING;
import static dev.orderflow.inventory.ReservationStatus.EXPIRED;
import static dev.orderflow.inventory.ReservationStatus.EXPIRING;
import static dev.orderflow.inventory.ReservationStatus.HELD;
import static dev.orderflow.inventory.ReservationStatus.PENDING;
import static dev.orderflow.inventory.ReservationStatus.REJECTED;
import static dev.orderflow.inventory.ReservationStatus.RELEASED;
import static dev.orderflow.inventory.ReservationStatus.RELEASING;
import static dev.orderflow.inventory.ReservationStatus.RETURNED;
import static dev.orderflow.inventory.ReservationStatus.RETURNING;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.conversions.Bson;
import org.jboss.logging.Logger;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import dev.orderflow.common.store.MongoSupport;
import dev.orderflow.contracts.inventory.ReservationExpired;
import dev.orderflow.contracts.inventory.ReserveStock;
import dev.orderflow.contracts.inventory.StockLine;
import dev.orderflow.contracts.inventory.StockReleased;
import dev.orderflow.inventory.Product;
import dev.orderflow.inventory.Reservation;
import dev.orderflow.inventory.ReservationStatus;
import dev.orderflow.inventory.config.InventoryConfig;
import dev.orderflow.inventory.messaging.InventoryEvents;
import dev.orderflow.inventory.repository.ProductRepository;
import dev.orderflow.inventory.repository.ReservationRepository;
import io.smallrye.mutiny.Uni;

/**
 * The three saga commands (reserve, release, commit) and the expiry of forgotten reservations.
 * <p>
 * A reservation changes under a lease: one worker at a time, each change a conditional update on the lease and the
 * expected status. Stock moves one product at a time through {@link StockLedger}, whose updates are safe to repeat,
 * and a status ending in -ING records an operation under way: if its worker crashes, the next one to take the lease
 * finishes it before doing anything else. A command's reply is read from the reservation
 * ({@link ReservationReplies}), so a repeated command gets the same reply.
 */
@ApplicationScoped
public class ReservationService {

    private static final Logger LOG = Logger.getLogger(ReservationService.class);

    /** What release cannot change any more: the stock went back already, or was never held. */
    private static final Set<ReservationStatus> RELEASE_SETTLED = EnumSet.of(REJECTED, RELEASED, RETURNED, EXPIRED);
    /** What commit cannot change any more. */
    private static final Set<ReservationStatus> COMMIT_SETTLED = EnumSet.of(REJECTED, COMMITTED, RELEASED, RETURNED, EXPIRED);
    /** How long before its lease runs out a worker stops touching stock and lets the next one finish. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(2);

    private final ReservationRepository reservations;
    private final ProductRepository products;
    private final StockLedger ledger;
    private final LowStockAlerts alerts;
    private final InventoryEvents events;
    private final InventoryConfig.Reservations config;
    private final Clock clock;

    public ReservationService(ReservationRepository reservations, ProductRepository products, StockLedger ledger,
            LowStockAlerts alerts, InventoryEvents events, InventoryConfig config, Clock clock) {
        this.reservations = reservations;
        this.products = products;
        this.ledger = ledger;
        this.alerts = alerts;
        this.events = events;
        this.config = config.reservations();
        this.clock = clock;
    }

    // --- commands --------------------------------------------------------------------------------------------------

    /** inventory.reserve: hold every line or none. Replies {@code StockReserved} or {@code StockRejected}. */
    public Uni<Object> reserve(ReserveStock command) {
        Reservation fresh = pending(command.orderId(), command.lines());
        return insert(fresh)
                .chain(inserted -> inserted
                        ? takeStock(fresh).onFailure().call(() -> releaseLease(fresh.orderId, fresh.leaseOwner))
                        : current(command.orderId()))
                .map(ReservationReplies::reserve);
    }

    /** inventory.release: give back what the order holds, held or sold. Replies {@code StockReleased}. */
    public Uni<Object> release(String orderId) {
        return reservations.findById(orderId).chain(found -> {
            if (found == null) {
                return closeUnreserved(orderId);
            }
            if (RELEASE_SETTLED.contains(found.status)) {
                return Uni.createFrom().item(found);
            }
            return underLease(orderId, this::releaseOrReturn);
        }).map(ReservationReplies::release);
    }

    /** inventory.commit: the held stock is sold. Replies {@code StockCommitted} or {@code StockCommitRefused}. */
    public Uni<Object> commit(String orderId) {
        return reservations.findById(orderId).chain(found -> {
            if (found == null || COMMIT_SETTLED.contains(found.status)) {
                return Uni.createFrom().item(found);
            }
            return underLease(orderId,
                    reservation -> reservation.status == HELD ? commitHeld(reservation) : settled(reservation));
        }).map(reservation -> ReservationReplies.commit(orderId, reservation));
    }

    /** Releases a reservation held past its time-to-live; nothing happens if it moved on meanwhile. */
    public Uni<Void> expire(String orderId) {
        return underLease(orderId, reservation -> reservation.status == HELD && reservation.expiresAt.isBefore(clock.instant())
                ? expireHeld(reservation)
                : settled(reservation)).replaceWithVoid();
    }

    /** Publishes again a reservation-expired event whose publishing failed. */
    public Uni<Void> publishExpiry(Reservation reservation) {
        List<StockLine> lines = reservation.lines.stream().map(line -> new StockLine(line.sku, (int) line.quantity)).toList();
        return events.reservationExpired(new ReservationExpired(reservation.orderId, lines))
                .chain(() -> reservations.mongoCollection().updateOne(
                        Filters.and(Filters.eq("_id", reservation.orderId), Filters.eq("expiryEventPending", true)),
                        Updates.set("expiryEventPending", false)))
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("Reservation-expired event of order %s not published yet (%s); the sweep will retry",
                            reservation.orderId, failure.toString());
                    return Uni.createFrom().voidItem();
                });
    }

    // --- the lease -------------------------------------------------------------------------------------------------

    /**
     * Runs {@code work} on the reservation as its only worker, once any operation a crashed worker left half done is
     * finished. Waits, within the lease time, for another worker to finish.
     */
    private Uni<Reservation> underLease(String orderId, Function<Reservation, Uni<Reservation>> work) {
        return Uni.createFrom().deferred(() -> {
            String owner = UUID.randomUUID().toString();
            return acquire(orderId, owner)
                    .chain(this::finishInProgress)
                    .chain(reservation -> work.apply(reservation))
                    .call(this::releaseLease)
                    .onFailure().call(() -> releaseLease(orderId, owner));
        }).onFailure(ReservationBusyException.class).retry()
                .withBackOff(Duration.ofMillis(20), Duration.ofMillis(500))
                .expireIn(config.lease().plusSeconds(1).toMillis());
    }

    private Uni<Reservation> acquire(String orderId, String owner) {
        Instant now = clock.instant();
        Bson free = Filters.and(Filters.eq("_id", orderId),
                Filters.or(Filters.eq("leaseUntil", null), Filters.lt("leaseUntil", now)));
        Bson take = Updates.combine(Updates.set("leaseOwner", owner), Updates.set("leaseUntil", now.plus(config.lease())));
        return reservations.mongoCollection().findOneAndUpdate(free, take, MongoSupport.RETURN_AFTER)
                .onItem().ifNull().failWith(() -> new ReservationBusyException(orderId));
    }

    private Uni<Reservation> releaseLease(Reservation reservation) {
        return reservation.leaseOwner == null ? Uni.createFrom().item(reservation)
                : releaseLease(reservation.orderId, reservation.leaseOwner).replaceWith(reservation);
    }

    private Uni<Void> releaseLease(String orderId, String owner) {
        return reservations.mongoCollection()
                .updateOne(Filters.and(Filters.eq("_id", orderId), Filters.eq("leaseOwner", owner)),
                        Updates.combine(Updates.unset("leaseOwner"), Updates.unset("leaseUntil")))
                .replaceWithVoid();
    }

    /** Moves the reservation on, conditionally on its status and on this worker still holding the lease. */
    private Uni<Reservation> transition(Reservation reservation, ReservationStatus to, Bson... changes) {
        List<Bson> update = new ArrayList<>(List.of(changes));
        update.add(Updates.set("status", to));
        update.add(Updates.inc("version", 1));
        if (!to.isInProgress()) {
            // a settled reservation needs no worker: give the lease back in the same write
            update.add(Updates.unset("leaseOwner"));
            update.add(Updates.unset("leaseUntil"));
        }
        Bson expected = Filters.and(Filters.eq("_id", reservation.orderId), Filters.eq("status", reservation.status),
                Filters.eq("leaseOwner", reservation.leaseOwner));
        return reservations.mongoCollection().findOneAndUpdate(expected, Updates.combine(update), MongoSupport.RETURN_AFTER)
                .onItem().ifNull().failWith(() -> new LeaseLostException(reservation.orderId))
                .invoke(moved -> LOG.debugf("Reservation of order %s: %s -> %s", reservation.orderId, reservation.status, to));
    }

    /** Refuses to touch stock when the lease is about to run out: the next worker will redo this safely. */
    private Uni<Void> stillLeased(Reservation reservation) {
        if (reservation.leaseUntil == null || clock.instant().plus(LEASE_MARGIN).isAfter(reservation.leaseUntil)) {
            return Uni.createFrom().failure(new LeaseLostException(reservation.orderId));
        }
        return Uni.createFrom().voidItem();
    }

    // --- operations ------------------------------------------------------------------------------------------------

    private Uni<Reservation> finishInProgress(Reservation reservation) {
        return switch (reservation.status) {
            case PENDING -> takeStock(reservation);
            case COMMITTING -> completeCommit(reservation);
            case RELEASING -> completeRelease(reservation);
            case RETURNING -> completeReturn(reservation);
            case EXPIRING -> completeExpiry(reservation);
            default -> settled(reservation);
        };
    }

    /** PENDING: reads the products once, refuses what cannot be served, then takes every line or none. */
    private Uni<Reservation> takeStock(Reservation reservation) {
        List<String> skus = reservation.lines.stream().map(line -> line.sku).toList();
        return products.list(Filters.in("_id", skus))
                .map(found -> found.stream().collect(Collectors.toMap(product -> product.sku, Function.identity())))
                .chain(bySku -> ReservationCheck.beforeTaking(reservation.orderId, reservation.lines, bySku)
                        .map(refusal -> reject(reservation, refusal))
                        .orElseGet(() -> takeEveryLine(reservation)));
    }

    private Uni<Reservation> takeEveryLine(Reservation reservation) {
        return stillLeased(reservation)
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
        return transition(reservation, HELD, Updates.set("lines", priced), Updates.set("heldAt", now),
                Updates.set("expiresAt", now.plus(config.timeToLive())))
                .call(() -> alerts.afterChanges(taken))
                .invoke(held -> LOG.infof("Order %s: stock held for %d line(s)", held.orderId, held.lines.size()));
    }

    /** Gives back whatever this order may hold already (a resumed reservation), then records the refusal. */
    private Uni<Reservation> reject(Reservation reservation, ReservationCheck.Refusal refusal) {
        return giveBackHeld(reservation)
                .chain(() -> transition(reservation, REJECTED, Updates.set("rejectionReason", refusal.reason()),
                        Updates.set("problems", refusal.problems()), Updates.set("closedAt", clock.instant())))
                .invoke(rejected -> LOG.infof("Order %s: stock refused (%s)", rejected.orderId, rejected.rejectionReason));
    }

    private Uni<Reservation> releaseOrReturn(Reservation reservation) {
        return switch (reservation.status) {
            case HELD -> transition(reservation, RELEASING).chain(this::completeRelease);
            case COMMITTED -> transition(reservation, RETURNING).chain(this::completeReturn);
            default -> settled(reservation);
        };
    }

    private Uni<Reservation> completeRelease(Reservation reservation) {
        return giveBackHeld(reservation)
                .chain(() -> transition(reservation, RELEASED, Updates.set("releaseOutcome", StockReleased.Outcome.RELEASED),
                        Updates.set("closedAt", clock.instant())))
                .invoke(released -> LOG.infof("Order %s: held stock released", released.orderId));
    }

    private Uni<Reservation> commitHeld(Reservation reservation) {
        return transition(reservation, COMMITTING).chain(this::completeCommit);
    }

    private Uni<Reservation> completeCommit(Reservation reservation) {
        return stillLeased(reservation)
                .chain(() -> Uni.join().all(reservation.lines.stream()
                        .map(line -> ledger.commitHold(reservation.orderId, line.sku, line.quantity)).toList()).andFailFast())
                .chain(() -> transition(reservation, COMMITTED))
                .invoke(committed -> LOG.infof("Order %s: stock sold", committed.orderId));
    }

    private Uni<Reservation> completeReturn(Reservation reservation) {
        return stillLeased(reservation)
                .chain(() -> Uni.join().all(reservation.lines.stream()
                        .map(line -> ledger.giveBack(reservation.orderId, line.sku, line.quantity)).toList()).andFailFast())
                .call(returned -> alerts.afterChanges(nonNull(returned)))
                .chain(() -> transition(reservation, RETURNED, Updates.set("releaseOutcome", StockReleased.Outcome.RETURNED),
                        Updates.set("closedAt", clock.instant())))
                .call(returned -> forgetReturns(returned))
                .invoke(returned -> LOG.infof("Order %s: sold stock returned", returned.orderId));
    }

    /** Drops the marks a return leaves on products, once the reservation records it. */
    public Uni<Void> forgetReturns(Reservation reservation) {
        return Uni.join()
                .all(reservation.lines.stream().map(line -> ledger.forgetReturn(reservation.orderId, line.sku)).toList())
                .andFailFast().replaceWithVoid();
    }

    private Uni<Reservation> expireHeld(Reservation reservation) {
        return transition(reservation, EXPIRING).chain(this::completeExpiry);
    }

    private Uni<Reservation> completeExpiry(Reservation reservation) {
        return giveBackHeld(reservation)
                .chain(() -> transition(reservation, EXPIRED, Updates.set("expiryEventPending", true),
                        Updates.set("closedAt", clock.instant())))
                .invoke(expired -> LOG.infof("Order %s: reservation expired, stock released", expired.orderId))
                .call(this::publishExpiry);
    }

    /** Moves whatever the order holds back to available stock; lines it does not hold are skipped. */
    private Uni<Void> giveBackHeld(Reservation reservation) {
        return stillLeased(reservation)
                .chain(() -> Uni.join().all(reservation.lines.stream()
                        .map(line -> ledger.releaseHold(reservation.orderId, line.sku, line.quantity)).toList()).andFailFast())
                .chain(released -> alerts.afterChanges(nonNull(released)));
    }

    // --- creating reservations -------------------------------------------------------------------------------------

    private Reservation pending(String orderId, List<StockLine> lines) {
        Instant now = clock.instant();
        Reservation reservation = new Reservation();
        reservation.orderId = orderId;
        reservation.status = PENDING;
        reservation.lines = ReservationCheck.lines(lines);
        reservation.createdAt = now;
        reservation.leaseOwner = UUID.randomUUID().toString();
        reservation.leaseUntil = now.plus(config.lease());
        return reservation;
    }

    /** Inserts a new reservation; false when the order has one already. */
    private Uni<Boolean> insert(Reservation reservation) {
        return reservations.persist(reservation).replaceWith(true)
                .onFailure(MongoSupport::isDuplicateKey).recoverWithItem(false);
    }

    /** The order's reservation, with any half-done operation finished. */
    private Uni<Reservation> current(String orderId) {
        return reservations.findById(orderId)
                .chain(found -> found.status.isInProgress() ? underLease(orderId, ReservationService::settled)
                        : settled(found));
    }

    /**
     * A release for an order inventory never saw: records the order as released, so a reserve command arriving late
     * (it was stuck in a queue while the saga gave up) is refused instead of holding stock nobody will release.
     */
    private Uni<Reservation> closeUnreserved(String orderId) {
        Instant now = clock.instant();
        Bson closed = Updates.combine(Updates.setOnInsert("status", RELEASED),
                Updates.setOnInsert("releaseOutcome", StockReleased.Outcome.NOTHING_HELD),
                Updates.setOnInsert("lines", List.of()), Updates.setOnInsert("createdAt", now),
                Updates.setOnInsert("closedAt", now));
        return reservations.mongoCollection().updateOne(Filters.eq("_id", orderId), closed, new UpdateOptions().upsert(true))
                .chain(() -> reservations.findById(orderId))
                .chain(reservation -> RELEASE_SETTLED.contains(reservation.status) ? settled(reservation)
                        : release(orderId)
                                .chain(() -> reservations.findById(orderId)));
    }

    private static Uni<Reservation> settled(Reservation reservation) {
        return Uni.createFrom().item(reservation);
    }

    private static List<Product> nonNull(List<Product> products) {
        return products.stream().filter(product -> product != null).toList();
    }

}
