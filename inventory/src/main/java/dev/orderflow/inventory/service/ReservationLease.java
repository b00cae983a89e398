package dev.orderflow.inventory.service;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.conversions.Bson;
import org.jboss.logging.Logger;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import dev.orderflow.common.lease.Lease;
import dev.orderflow.common.lease.LeaseLostException;
import dev.orderflow.common.lease.LeaseWait;
import dev.orderflow.common.store.MongoSupport;
import dev.orderflow.common.store.StoreRetry;
import dev.orderflow.inventory.Reservation;
import dev.orderflow.inventory.ReservationStatus;
import dev.orderflow.inventory.ReservationStep;
import dev.orderflow.inventory.config.InventoryConfig;
import dev.orderflow.inventory.repository.ReservationRepository;
import io.smallrye.mutiny.Uni;

/**
 * One worker at a time on a reservation (common's {@link Lease}, 10 s by default): every change the worker makes is
 * conditional on the status it read and on still holding the lease, and a settled status gives the lease back in the
 * same write. A lease that ran out (its worker died) can be taken by the next one.
 */
@ApplicationScoped
public class ReservationLease {

    private static final Logger LOG = Logger.getLogger(ReservationLease.class);
    /** How long before its lease runs out a worker stops touching stock and lets the next one finish. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(2);

    private final ReservationRepository reservations;
    private final Lease lease;
    private final StoreRetry storeRetry;

    public ReservationLease(ReservationRepository reservations, InventoryConfig config, Clock clock,
            StoreRetry storeRetry, LeaseWait leaseWait) {
        this.reservations = reservations;
        this.lease = new Lease(config.reservations().lease(), clock, storeRetry, leaseWait);
        this.storeRetry = storeRetry;
    }

    /** Gives a reservation about to be inserted to this worker: it holds the lease from the start. */
    void grant(Reservation reservation) {
        reservation.leaseOwner = Lease.newOwner();
        reservation.leaseUntil = lease.until();
    }

    /**
     * Runs {@code work} on the reservation as its only worker, and gives the lease back when it ends. Waits, within
     * the lease time, for another worker to finish.
     */
    Uni<Reservation> run(String orderId, Function<Reservation, Uni<Reservation>> work) {
        return lease.run(reservations.mongoCollection(), orderId, work, reservation -> reservation.leaseOwner);
    }

    /**
     * Runs {@code work} as the reservation's only worker, taking the lease and beginning {@code step} in one write, if
     * the reservation is at {@code status} with no step under way and its lease is free: yields null otherwise, and the
     * caller reads it. A worker that dies during {@code work} left {@code step} under way, for the next one to finish.
     */
    Uni<Reservation> runBeginning(String orderId, ReservationStatus status, ReservationStep step,
            Function<Reservation, Uni<Reservation>> work) {
        return lease.runIf(reservations.mongoCollection(), orderId,
                Filters.and(Filters.eq("status", status), Filters.eq("underway", null)),
                Updates.combine(Updates.set("underway", step), Updates.inc("version", 1)), work,
                reservation -> reservation.leaseOwner);
    }

    Uni<Void> releaseLease(String orderId, String owner) {
        return lease.giveBack(reservations.mongoCollection(), orderId, owner);
    }

    /** Records that {@code step} is under way, conditionally as {@link #transition} is; the status stays. */
    Uni<Reservation> begin(Reservation reservation, ReservationStep step) {
        return change(reservation, Updates.combine(Updates.set("underway", step), Updates.inc("version", 1)),
                reservation.status + " -> " + reservation.status + " (" + step + " under way)");
    }

    /**
     * Moves the reservation to {@code to}, its step (if any) done: conditionally on the status and step it was read
     * with and on this worker still holding the lease. A settled reservation needs no worker: the lease goes back in
     * the same write.
     */
    Uni<Reservation> transition(Reservation reservation, ReservationStatus to, Bson... changes) {
        List<Bson> update = new ArrayList<>(List.of(changes));
        update.add(Updates.set("status", to));
        update.add(Updates.unset("underway"));
        update.add(Updates.inc("version", 1));
        if (to != ReservationStatus.PENDING) {
            update.add(Lease.giveBack());
        }
        return change(reservation, Updates.combine(update), reservation.status + " -> " + to);
    }

    private Uni<Reservation> change(Reservation reservation, Bson update, String what) {
        Bson expected = Filters.and(Filters.eq("_id", reservation.orderId), Filters.eq("status", reservation.status),
                Filters.eq("underway", reservation.underway), Lease.heldBy(reservation.leaseOwner));
        return storeRetry
                .call(() -> reservations.mongoCollection().findOneAndUpdate(expected, update, MongoSupport.RETURN_AFTER))
                .onItem().ifNull().failWith(() -> new LeaseLostException(reservation.orderId))
                .invoke(moved -> LOG.debugf("Reservation of order %s: %s", reservation.orderId, what));
    }

    /** Refuses to touch stock when the lease is about to run out: the next worker will redo this safely. */
    Uni<Void> stillLeased(Reservation reservation) {
        if (lease.runsOutWithin(reservation.leaseUntil, LEASE_MARGIN)) {
            return Uni.createFrom().failure(new LeaseLostException(reservation.orderId));
        }
        return Uni.createFrom().voidItem();
    }
}
