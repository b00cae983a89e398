package dev.orderflow.inventory.service;

import static dev.orderflow.inventory.ReservationStatus.COMMITTED;
import static dev.orderflow.inventory.ReservationStatus.EXPIRED;
import static dev.orderflow.inventory.ReservationStatus.HELD;
import static dev.orderflow.inventory.ReservationStatus.PENDING;
import static dev.orderflow.inventory.ReservationStatus.REJECTED;
import static dev.orderflow.inventory.ReservationStatus.RELEASED;
import static dev.orderflow.inventory.ReservationStatus.RETURNED;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.conversions.Bson;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;

import dev.orderflow.common.store.MongoSupport;
import dev.orderflow.common.store.StoreRetry;
import dev.orderflow.contracts.inventory.ReserveStock;
import dev.orderflow.contracts.inventory.StockLine;
import dev.orderflow.contracts.inventory.StockReleased;
import dev.orderflow.inventory.Reservation;
import dev.orderflow.inventory.ReservationStatus;
import dev.orderflow.inventory.ReservationStep;
import dev.orderflow.inventory.repository.ReservationRepository;
import io.smallrye.mutiny.Uni;

/**
 * The three saga commands (reserve, release, commit) and the expiry of forgotten reservations.
 * <p>
 * A reservation changes under its lease ({@link ReservationLease}): one worker at a time, each change a conditional
 * update on the lease and the expected status. The steps that move stock are {@link ReservationSteps}; a step a
 * crashed worker left half done is finished by the next worker before anything else. A command's reply is read from
 * the reservation ({@link ReservationReplies}), so a repeated command gets the same reply.
 */
@ApplicationScoped
public class ReservationService {

    /** What release cannot change any more: the stock went back already, or was never held. */
    private static final Set<ReservationStatus> RELEASE_SETTLED = EnumSet.of(REJECTED, RELEASED, RETURNED, EXPIRED);
    /** What commit cannot change any more. */
    private static final Set<ReservationStatus> COMMIT_SETTLED = EnumSet.of(REJECTED, COMMITTED, RELEASED, RETURNED, EXPIRED);

    private final ReservationRepository reservations;
    private final ReservationLease lease;
    private final ReservationSteps steps;
    private final Clock clock;
    private final StoreRetry storeRetry;

    public ReservationService(ReservationRepository reservations, ReservationLease lease, ReservationSteps steps,
            Clock clock, StoreRetry storeRetry) {
        this.reservations = reservations;
        this.lease = lease;
        this.steps = steps;
        this.clock = clock;
        this.storeRetry = storeRetry;
    }

    // --- commands --------------------------------------------------------------------------------------------------

    /** inventory.reserve: hold every line or none. Replies {@code StockReserved} or {@code StockRejected}. */
    public Uni<Object> reserve(ReserveStock command) {
        Reservation fresh = pending(command.orderId(), command.lines());
        return insert(fresh)
                .chain(inserted -> inserted
                        ? steps.takeStock(fresh).onFailure().call(() -> lease.releaseLease(fresh.orderId, fresh.leaseOwner))
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
            return underLease(orderId, steps::releaseOrReturn);
        }).map(ReservationReplies::release);
    }

    /**
     * inventory.commit: the held stock is sold. Replies {@code StockCommitted} or {@code StockCommitRefused}. A held
     * reservation nobody works on is leased with its commit begun in one write; any other is read first.
     */
    public Uni<Object> commit(String orderId) {
        return lease.runBeginning(orderId, HELD, ReservationStep.COMMIT, steps::completeCommit)
                .onItem().ifNull().switchTo(() -> reservations.findById(orderId).chain(found -> {
                    if (found == null || COMMIT_SETTLED.contains(found.status)) {
                        return Uni.createFrom().item(found);
                    }
                    return underLease(orderId, reservation -> reservation.status == HELD ? steps.commitHeld(reservation)
                            : settled(reservation));
                }))
                .map(reservation -> ReservationReplies.commit(orderId, reservation));
    }

    /** Releases a reservation held past its time-to-live; nothing happens if it moved on meanwhile. */
    public Uni<Void> expire(String orderId) {
        return underLease(orderId, reservation -> reservation.status == HELD && reservation.expiresAt.isBefore(clock.instant())
                ? steps.expireHeld(reservation)
                : settled(reservation)).replaceWithVoid();
    }

    /**
     * Runs {@code work} on the reservation under its lease, once any step a crashed worker left half done is
     * finished.
     */
    private Uni<Reservation> underLease(String orderId, Function<Reservation, Uni<Reservation>> work) {
        return lease.run(orderId, reservation -> steps.finishInProgress(reservation).chain(work::apply));
    }

    // --- creating reservations -------------------------------------------------------------------------------------

    private Reservation pending(String orderId, List<StockLine> lines) {
        Instant now = clock.instant();
        Reservation reservation = new Reservation();
        reservation.orderId = orderId;
        reservation.status = PENDING;
        reservation.lines = ReservationCheck.lines(lines);
        reservation.createdAt = now;
        lease.grant(reservation);
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
                .chain(found -> found.isInProgress() ? underLease(orderId, ReservationService::settled)
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
        return storeRetry
                .call(() -> reservations.mongoCollection().updateOne(Filters.eq("_id", orderId), closed,
                        new UpdateOptions().upsert(true)))
                .chain(() -> reservations.findById(orderId))
                .chain(reservation -> RELEASE_SETTLED.contains(reservation.status) ? settled(reservation)
                        : release(orderId)
                                .chain(() -> reservations.findById(orderId)));
    }

    private static Uni<Reservation> settled(Reservation reservation) {
        return Uni.createFrom().item(reservation);
    }

}
