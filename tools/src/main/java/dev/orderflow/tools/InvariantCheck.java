package dev.orderflow.tools;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Checks, through the services' public APIs, the invariants the system promises (design brief, rule 5), so operators
 * can run it against a live system and tests after a failure drill:
 * <ol>
 * <li>every order is settled: CONFIRMED, SHIPPED, DELIVERED or CANCELLED, never stuck;</li>
 * <li>stock is conserved per product (received = available + reserved + sold) and never negative;</li>
 * <li>a settled order holds no stock: its reservation is committed (confirmed orders) or closed (cancelled ones);</li>
 * <li>every charge of a cancelled order is refunded, and every confirmed order is paid;</li>
 * <li>a cancelled order ships nothing, and every confirmed order has a shipment;</li>
 * <li>one notification per event: none twice, and each confirmation and cancellation notified once.</li>
 * </ol>
 */
public final class InvariantCheck {

    static final Set<String> CONFIRMED = Set.of("CONFIRMED", "SHIPPED", "DELIVERED");
    static final Set<String> SETTLED = Set.of("CONFIRMED", "SHIPPED", "DELIVERED", "CANCELLED");
    /** A reservation is open while stock is held or being taken, and while a step on it is under way. */
    static final Set<String> RESERVATION_OPEN = Set.of("PENDING", "HELD");
    static final Set<String> PAYMENT_KEPT = Set.of("CAPTURED", "PENDING");
    static final Set<String> SHIPMENT_CALLED_OFF = Set.of("CANCELLED", "REJECTED");

    private InvariantCheck() {
    }

    /** What the services hold, read once. */
    public record Snapshot(List<JsonNode> orders, List<JsonNode> products, Map<String, JsonNode> reservations,
            List<JsonNode> payments, List<JsonNode> shipments, List<JsonNode> notifications) {
    }

    /** One invariant, and the cases that break it. */
    public record Result(String invariant, List<String> violations) {

        public boolean holds() {
            return violations.isEmpty();
        }
    }

    public record Report(int orders, Map<String, Long> statuses, List<Result> results, Duration waited) {

        public boolean holds() {
            return results.stream().allMatch(Result::holds);
        }

        public String describe() {
            StringBuilder text = new StringBuilder();
            text.append(orders).append(" orders ").append(statuses).append(", settled after ").append(waited.toMillis())
                    .append(" ms\n");
            for (Result result : results) {
                text.append(result.holds() ? "  ok    " : "  FAIL  ").append(result.invariant()).append('\n');
                result.violations().stream().limit(20)
                        .forEach(violation -> text.append("          ").append(violation).append('\n'));
                if (result.violations().size() > 20) {
                    text.append("          ... and ").append(result.violations().size() - 20).append(" more\n");
                }
            }
            return text.toString();
        }
    }

    /**
     * Waits (at most {@code settle}) until every order is settled and notified, then checks every invariant on what
     * the services hold, read with {@code operatorToken} (a bearer token in the role operator: every customer's
     * orders, payments, shipments and notifications, and the reservations).
     */
    public static Report run(Endpoints endpoints, String operatorToken, Duration settle) {
        Api api = new Api(operatorToken);
        Instant start = Instant.now();
        Instant deadline = start.plus(settle);
        Snapshot snapshot = read(api, endpoints);
        while (!quiet(snapshot) && Instant.now().isBefore(deadline)) {
            pause();
            snapshot = read(api, endpoints);
        }
        return evaluate(snapshot, Duration.between(start, Instant.now()));
    }

    /** The invariants, on one snapshot; no I/O. */
    public static Report evaluate(Snapshot snapshot, Duration waited) {
        List<Result> results = List.of(
                settled(snapshot),
                stockConserved(snapshot),
                reservationsClosed(snapshot),
                paymentsMatch(snapshot),
                shipmentsMatch(snapshot),
                notifiedOnce(snapshot));
        Map<String, Long> statuses = snapshot.orders().stream()
                .collect(Collectors.groupingBy(order -> order.path("status").asText(), TreeMap::new, Collectors.counting()));
        return new Report(snapshot.orders().size(), statuses, results, waited);
    }

    static Snapshot read(Api api, Endpoints endpoints) {
        List<JsonNode> orders = api.all(endpoints.order(), "/orders");
        Map<String, JsonNode> reservations = new LinkedHashMap<>();
        for (JsonNode order : orders) {
            String id = order.path("id").asText();
            JsonNode reservation = api.find(endpoints.inventory(), "/reservations/" + id);
            if (reservation != null) {
                reservations.put(id, reservation);
            }
        }
        return new Snapshot(orders, api.all(endpoints.inventory(), "/products"), reservations,
                api.all(endpoints.payment(), "/payments"),
                api.all(endpoints.shipping(), "/shipments"), api.all(endpoints.notification(), "/notifications"));
    }

    /** Every order settled, and each settled order's notification in place: nothing more is on its way. */
    private static boolean quiet(Snapshot snapshot) {
        return settled(snapshot).holds() && notifiedOnce(snapshot).holds();
    }

    private static Result settled(Snapshot snapshot) {
        return new Result("every order is settled (never stuck)", snapshot.orders().stream()
                .filter(order -> !SETTLED.contains(order.path("status").asText()))
                .map(order -> id(order) + " is " + order.path("status").asText())
                .toList());
    }

    private static Result stockConserved(Snapshot snapshot) {
        List<String> violations = new ArrayList<>();
        for (JsonNode product : snapshot.products()) {
            JsonNode stock = product.path("stock");
            long received = stock.path("received").asLong();
            long available = stock.path("available").asLong();
            long reserved = stock.path("reserved").asLong();
            long sold = stock.path("sold").asLong();
            if (available < 0 || reserved < 0 || sold < 0 || received != available + reserved + sold) {
                violations.add(
                        product.path("sku").asText() + ": received " + received + ", available " + available + ", reserved "
                                + reserved + ", sold " + sold);
            }
        }
        return new Result("stock is conserved per product and never negative", violations);
    }

    private static Result reservationsClosed(Snapshot snapshot) {
        List<String> violations = new ArrayList<>();
        for (JsonNode order : snapshot.orders()) {
            String status = order.path("status").asText();
            JsonNode reservation = snapshot.reservations().get(id(order));
            String held = reservation == null ? "NONE"
                    : reservation.path("status").asText()
                            + (reservation.hasNonNull("underway") ? " (" + reservation.path("underway").asText() + " under way)"
                                    : "");
            if (CONFIRMED.contains(status) && !held.equals("COMMITTED")) {
                violations.add(id(order) + " is " + status + " but its reservation is " + held);
            }
            boolean open = reservation != null
                    && (RESERVATION_OPEN.contains(reservation.path("status").asText()) || reservation.hasNonNull("underway"));
            if (status.equals("CANCELLED") && open) {
                violations.add(id(order) + " is CANCELLED but its reservation is " + held);
            }
        }
        return new Result("a settled order holds no stock (committed or released)", violations);
    }

    private static Result paymentsMatch(Snapshot snapshot) {
        return matched(snapshot, byOrder(snapshot.payments()), "payment", (status, paid) -> status.equals("CANCELLED")
                ? PAYMENT_KEPT.contains(paid)
                : CONFIRMED.contains(status) && !paid.equals("CAPTURED"),
                "every charge of a cancelled order is refunded, every confirmed order is paid");
    }

    private static Result shipmentsMatch(Snapshot snapshot) {
        return matched(snapshot, byOrder(snapshot.shipments()), "shipment", (status, shipped) -> status.equals("CANCELLED")
                ? !shipped.equals("NONE") && !SHIPMENT_CALLED_OFF.contains(shipped)
                : CONFIRMED.contains(status) && (shipped.equals("NONE") || SHIPMENT_CALLED_OFF.contains(shipped)),
                "a cancelled order ships nothing, every confirmed order has a shipment");
    }

    /**
     * Each order's status against the status of what another service holds for it (its payment, its shipment; NONE
     * when it holds nothing): {@code broken} says which pairs break the invariant.
     */
    private static Result matched(Snapshot snapshot, Map<String, JsonNode> held, String what,
            BiPredicate<String, String> broken, String invariant) {
        List<String> violations = new ArrayList<>();
        for (JsonNode order : snapshot.orders()) {
            String status = order.path("status").asText();
            JsonNode item = held.get(id(order));
            String its = item == null ? "NONE" : item.path("status").asText();
            if (broken.test(status, its)) {
                violations.add(id(order) + " is " + status + " but its " + what + " is " + its);
            }
        }
        return new Result(invariant, violations);
    }

    private static Result notifiedOnce(Snapshot snapshot) {
        List<String> violations = new ArrayList<>();
        Map<String, Long> perEvent = snapshot.notifications().stream()
                .collect(Collectors.groupingBy(notification -> notification.path("eventId").asText(), Collectors.counting()));
        perEvent.forEach((event, count) -> {
            if (count > 1) {
                violations.add(event + " notified " + count + " times");
            }
        });
        Map<String, Long> perOrderAndType = snapshot.notifications().stream()
                .filter(notification -> !notification.path("orderId").isNull())
                .collect(Collectors.groupingBy(
                        notification -> notification.path("orderId").asText() + " " + notification.path("type").asText(),
                        Collectors.counting()));
        for (JsonNode order : snapshot.orders()) {
            String status = order.path("status").asText();
            String expected = CONFIRMED.contains(status) ? "order.confirmed"
                    : status.equals("CANCELLED") ? "order.cancelled" : null;
            if (expected != null && perOrderAndType.getOrDefault(id(order) + " " + expected, 0L) != 1) {
                violations.add(
                        id(order) + " is " + status + " with " + perOrderAndType.getOrDefault(id(order) + " " + expected, 0L)
                                + " " + expected + " notifications");
            }
        }
        return new Result("one notification per event", violations);
    }

    private static Map<String, JsonNode> byOrder(List<JsonNode> items) {
        Map<String, JsonNode> byOrder = new HashMap<>();
        items.forEach(item -> byOrder.put(item.path("orderId").asText(), item));
        return byOrder;
    }

    private static String id(JsonNode order) {
        return order.path("id").asText();
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
