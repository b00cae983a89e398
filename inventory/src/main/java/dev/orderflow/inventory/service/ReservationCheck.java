package dev.orderflow.inventory.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.orderflow.contracts.inventory.StockLine;
import dev.orderflow.contracts.inventory.StockRejected.LineProblem;
import dev.orderflow.contracts.inventory.StockRejected.Reason;
import dev.orderflow.inventory.Product;
import dev.orderflow.inventory.Reservation;

/** The decisions of a reservation that need no I/O: which lines to take, and why a reservation is refused. */
public final class ReservationCheck {

    private ReservationCheck() {
    }

    /** Why nothing was reserved: for the order as a whole, and line by line. */
    public record Refusal(Reason reason, List<LineProblem> problems) {

        static Refusal of(List<LineProblem> problems) {
            boolean unknown = problems.stream().anyMatch(problem -> problem.problem() == Reason.UNKNOWN_PRODUCT);
            return new Refusal(unknown ? Reason.UNKNOWN_PRODUCT : Reason.OUT_OF_STOCK, List.copyOf(problems));
        }
    }

    /** The requested lines, one per product: quantities of repeated products are added up. */
    public static List<Reservation.Line> lines(List<StockLine> requested) {
        Map<String, Long> bySku = new LinkedHashMap<>();
        requested.forEach(line -> bySku.merge(line.sku(), (long) line.quantity(), Long::sum));
        List<Reservation.Line> lines = new ArrayList<>();
        bySku.forEach((sku, quantity) -> lines.add(new Reservation.Line(sku, quantity)));
        return lines;
    }

    /**
     * Refuses, from one read of the products, what cannot possibly be served: unknown products, and lines beyond the
     * available stock. A line the order already holds (a resumed reservation) is fine. Empty when every line may be
     * tried; trying can still fail when concurrent orders take the stock first.
     */
    public static Optional<Refusal> beforeTaking(String orderId, List<Reservation.Line> lines, Map<String, Product> products) {
        List<LineProblem> problems = new ArrayList<>();
        for (Reservation.Line line : lines) {
            Product product = products.get(line.sku);
            if (product == null) {
                problems.add(new LineProblem(line.sku, (int) line.quantity, null, Reason.UNKNOWN_PRODUCT));
            } else if (!holds(product, orderId) && product.available < line.quantity) {
                problems.add(new LineProblem(line.sku, (int) line.quantity, product.available, Reason.OUT_OF_STOCK));
            }
        }
        return problems.isEmpty() ? Optional.empty() : Optional.of(Refusal.of(problems));
    }

    /** Refuses after trying, from the lines that could not be taken. */
    public static Refusal afterTaking(List<Reservation.Line> lines, List<StockLedger.Take> takes) {
        List<LineProblem> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Reservation.Line line = lines.get(i);
            StockLedger.Take take = takes.get(i);
            switch (take.kind()) {
                case UNKNOWN_PRODUCT ->
                    problems.add(new LineProblem(line.sku, (int) line.quantity, null, Reason.UNKNOWN_PRODUCT));
                case SHORT ->
                    problems.add(new LineProblem(line.sku, (int) line.quantity, take.product().available, Reason.OUT_OF_STOCK));
                default -> {
                }
            }
        }
        return Refusal.of(problems);
    }

    private static boolean holds(Product product, String orderId) {
        return product.holds.stream().anyMatch(hold -> orderId.equals(hold.orderId));
    }
}
