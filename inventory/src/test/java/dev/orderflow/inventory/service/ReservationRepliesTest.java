package dev.orderflow.inventory.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.orderflow.contracts.inventory.PricedLine;
import dev.orderflow.contracts.inventory.StockCommitRefused;
import dev.orderflow.contracts.inventory.StockCommitted;
import dev.orderflow.contracts.inventory.StockRejected;
import dev.orderflow.contracts.inventory.StockReleased;
import dev.orderflow.contracts.inventory.StockReserved;
import dev.orderflow.inventory.Reservation;
import dev.orderflow.inventory.ReservationStatus;

/** A command's reply depends on the reservation only, so a repeated command is answered as the first one was. */
class ReservationRepliesTest {

    @Test
    void aReservationOnceHeldAnswersReservedWhateverBecameOfItSince() {
        for (ReservationStatus status : List.of(ReservationStatus.HELD, ReservationStatus.COMMITTED, ReservationStatus.RELEASED,
                ReservationStatus.EXPIRED)) {
            Reservation reservation = held(status);

            assertEquals(new StockReserved("o-1", List.of(new PricedLine("A", 2, new BigDecimal("3.10"), "EUR"))),
                    ReservationReplies.reserve(reservation), status.name());
        }
    }

    @Test
    void aRejectedReservationAnswersWithItsReasons() {
        Reservation reservation = reservation(ReservationStatus.REJECTED);
        reservation.rejectionReason = StockRejected.Reason.OUT_OF_STOCK;
        reservation.problems = List.of(new StockRejected.LineProblem("A", 2, 1L, StockRejected.Reason.OUT_OF_STOCK));

        assertEquals(new StockRejected("o-1", StockRejected.Reason.OUT_OF_STOCK, reservation.problems),
                ReservationReplies.reserve(reservation));
    }

    @Test
    void aReserveAfterTheOrderWasReleasedIsRefused() {
        Reservation closed = reservation(ReservationStatus.RELEASED);
        closed.releaseOutcome = StockReleased.Outcome.NOTHING_HELD;

        assertEquals(new StockRejected("o-1", StockRejected.Reason.RESERVATION_CLOSED, List.of()),
                ReservationReplies.reserve(closed));
    }

    @Test
    void releaseAnswersWhatTheFirstReleaseDid() {
        Reservation released = held(ReservationStatus.RELEASED);
        released.releaseOutcome = StockReleased.Outcome.RELEASED;
        Reservation returned = held(ReservationStatus.RETURNED);
        returned.releaseOutcome = StockReleased.Outcome.RETURNED;

        assertEquals(StockReleased.Outcome.RELEASED, ReservationReplies.release(released).outcome());
        assertEquals(StockReleased.Outcome.RETURNED, ReservationReplies.release(returned).outcome());
        assertEquals(StockReleased.Outcome.NOTHING_HELD,
                ReservationReplies.release(reservation(ReservationStatus.REJECTED)).outcome());
        assertEquals(StockReleased.Outcome.NOTHING_HELD, ReservationReplies.release(held(ReservationStatus.EXPIRED)).outcome());
    }

    @Test
    void commitAnswersCommittedOnlyForStockThatWasSold() {
        assertEquals(new StockCommitted("o-1"), ReservationReplies.commit("o-1", held(ReservationStatus.COMMITTED)));
        assertEquals(new StockCommitted("o-1"), ReservationReplies.commit("o-1", held(ReservationStatus.RETURNED)));
        assertEquals(new StockCommitRefused("o-1", StockCommitRefused.Status.EXPIRED),
                ReservationReplies.commit("o-1", held(ReservationStatus.EXPIRED)));
        assertEquals(new StockCommitRefused("o-1", StockCommitRefused.Status.NONE), ReservationReplies.commit("o-1", null));
    }

    private static Reservation held(ReservationStatus status) {
        Reservation reservation = reservation(status);
        reservation.heldAt = Instant.now();
        Reservation.Line line = new Reservation.Line("A", 2);
        line.unitPrice = new BigDecimal("3.10");
        line.currency = "EUR";
        reservation.lines = List.of(line);
        return reservation;
    }

    private static Reservation reservation(ReservationStatus status) {
        Reservation reservation = new Reservation();
        reservation.orderId = "o-1";
        reservation.status = status;
        return reservation;
    }
}
