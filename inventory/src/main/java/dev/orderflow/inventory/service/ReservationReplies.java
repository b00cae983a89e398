package dev.orderflow.inventory.service;

import java.util.List;

import dev.orderflow.contracts.inventory.PricedLine;
import dev.orderflow.contracts.inventory.StockCommitRefused;
import dev.orderflow.contracts.inventory.StockCommitted;
import dev.orderflow.contracts.inventory.StockRejected;
import dev.orderflow.contracts.inventory.StockReleased;
import dev.orderflow.contracts.inventory.StockReserved;
import dev.orderflow.inventory.Reservation;
import dev.orderflow.inventory.ReservationStatus;

/**
 * The reply to each command, read from the reservation alone: a repeated command therefore gets the same reply as the
 * first one, whatever happened to the reservation since.
 */
public final class ReservationReplies {

    private ReservationReplies() {
    }

    /** Reserved if the stock was ever held; else why not. */
    public static Object reserve(Reservation reservation) {
        if (reservation.heldAt != null) {
            List<PricedLine> lines = reservation.lines.stream()
                    .map(line -> new PricedLine(line.sku, (int) line.quantity, line.unitPrice, line.currency))
                    .toList();
            return new StockReserved(reservation.orderId, lines);
        }
        if (reservation.status == ReservationStatus.REJECTED) {
            return new StockRejected(reservation.orderId, reservation.rejectionReason, List.copyOf(reservation.problems));
        }
        return new StockRejected(reservation.orderId, StockRejected.Reason.RESERVATION_CLOSED, List.of());
    }

    public static StockReleased release(Reservation reservation) {
        StockReleased.Outcome outcome = reservation.releaseOutcome == null ? StockReleased.Outcome.NOTHING_HELD
                : reservation.releaseOutcome;
        return new StockReleased(reservation.orderId, outcome);
    }

    /**
     * Committed if the stock was ever sold to the order; else what became of the reservation. Commit settles the
     * reservation before it answers: an open one (held, or an operation half done) has no reply.
     */
    public static Object commit(String orderId, Reservation reservation) {
        if (reservation == null) {
            return new StockCommitRefused(orderId, StockCommitRefused.Status.NONE);
        }
        return switch (reservation.status) {
            case COMMITTED, RETURNED -> new StockCommitted(orderId);
            case REJECTED -> new StockCommitRefused(orderId, StockCommitRefused.Status.REJECTED);
            case RELEASED -> new StockCommitRefused(orderId, StockCommitRefused.Status.RELEASED);
            case EXPIRED -> new StockCommitRefused(orderId, StockCommitRefused.Status.EXPIRED);
            case PENDING, HELD -> throw new IllegalStateException(
                    "Order " + orderId + ": no reply to commit while the reservation is " + reservation.status);
        };
    }
}
