package dev.orderflow.inventory.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import dev.orderflow.contracts.inventory.StockRejected;
import dev.orderflow.contracts.inventory.StockReleased;
import dev.orderflow.inventory.Reservation;
import dev.orderflow.inventory.ReservationStatus;
import dev.orderflow.inventory.ReservationStep;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** An order's reservation as the API shows it. */
@RegisterForReflection
public record ReservationView(String orderId, ReservationStatus status, ReservationStep underway, List<Line> lines,
        StockRejected.Reason rejectionReason,
        List<StockRejected.LineProblem> problems, StockReleased.Outcome releaseOutcome, Instant createdAt, Instant heldAt,
        Instant expiresAt, Instant closedAt) {

    @RegisterForReflection
    public record Line(String sku, long quantity, BigDecimal unitPrice, String currency) {
    }

    public static ReservationView of(Reservation reservation) {
        List<Line> lines = reservation.lines.stream()
                .map(line -> new Line(line.sku, line.quantity, line.unitPrice, line.currency))
                .toList();
        return new ReservationView(reservation.orderId, reservation.status, reservation.underway, lines,
                reservation.rejectionReason,
                reservation.problems, reservation.releaseOutcome, reservation.createdAt, reservation.heldAt,
                reservation.expiresAt,
                reservation.closedAt);
    }
}
