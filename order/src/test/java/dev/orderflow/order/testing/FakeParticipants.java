package dev.orderflow.order.testing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.orderflow.common.messaging.MessageTypes;
import dev.orderflow.common.testing.MessageProbe;
import dev.orderflow.common.testing.MessageProbe.Received;
import dev.orderflow.common.testing.TestBroker;
import dev.orderflow.common.testing.Tokens;
import dev.orderflow.contracts.inventory.CommitStock;
import dev.orderflow.contracts.inventory.PricedLine;
import dev.orderflow.contracts.inventory.ReleaseStock;
import dev.orderflow.contracts.inventory.ReserveStock;
import dev.orderflow.contracts.inventory.StockCommitRefused;
import dev.orderflow.contracts.inventory.StockCommitted;
import dev.orderflow.contracts.inventory.StockRejected;
import dev.orderflow.contracts.inventory.StockReleased;
import dev.orderflow.contracts.inventory.StockReserved;
import dev.orderflow.contracts.payment.ChargePayment;
import dev.orderflow.contracts.payment.NothingToRefund;
import dev.orderflow.contracts.payment.PaymentCharged;
import dev.orderflow.contracts.payment.PaymentDeclined;
import dev.orderflow.contracts.payment.PaymentRefunded;
import dev.orderflow.contracts.payment.RefundPayment;
import dev.orderflow.contracts.shipping.CancelShipment;
import dev.orderflow.contracts.shipping.ScheduleShipment;
import dev.orderflow.contracts.shipping.ShipmentCancelled;
import dev.orderflow.contracts.shipping.ShipmentRejected;
import dev.orderflow.contracts.shipping.ShipmentScheduled;

/**
 * Stand-ins for inventory, payment and shipping: they take the saga's commands from the broker and answer on the
 * reply queue, as the real services would, steered by the order's own data so a test reads as a business scenario:
 * <ul>
 * <li>a product whose sku starts with {@code out-of-stock}, {@code unknown}, {@code silent} (never answered),
 * {@code late} (answered only when the test says so), {@code expiring} (the commit is refused) or {@code twice} (every
 * reply of the order is sent twice);</li>
 * <li>payment tokens as the real simulator understands them ({@code tok_visa}, {@code tok_decline}...);</li>
 * <li>country {@code ZZ} is not served, and a parcel to {@code XX} is never answered.</li>
 * </ul>
 * Every product costs 10.00 EUR.
 * <p>
 * A test class registers them as an extension: they start answering before its first test, and stop after its last;
 * its requests are sent as an operator by default (orders are placed by their customer, Orders.customerOf). Probes of
 * the same broker connection are declared after it:
 *
 * <pre>
 * &#64;RegisterExtension
 * static final FakeParticipants participants = FakeParticipants.perClass();
 * static final MessageProbe events = participants.broker().probe("events", "order.*");
 * </pre>
 */
public final class FakeParticipants implements AutoCloseable, BeforeAllCallback, AfterAllCallback {

    /**
     * Where the order service sends its commands: the real exchange, in the tests' virtual host, made fresh for each
     * test run and holding no participant's queue (TestAccounts).
     */
    public static final String COMMANDS = "commands";
    static final BigDecimal PRICE = new BigDecimal("10.00");

    private static final MessageTypes COMMAND_TYPES = MessageTypes.of(ReserveStock.class, ReleaseStock.class, CommitStock.class,
            ChargePayment.class, RefundPayment.class, ScheduleShipment.class, CancelShipment.class);

    private final TestBroker broker;
    private final MessageProbe commands;
    private final Map<String, List<Received>> byOrder = new ConcurrentHashMap<>();
    private final Map<String, ReserveStock> reservations = new ConcurrentHashMap<>();
    private final List<Received> heldBack = new CopyOnWriteArrayList<>();

    private FakeParticipants(TestBroker broker) {
        this.broker = broker;
        this.commands = broker.probe(COMMANDS, "inventory.reserve", "inventory.release", "inventory.commit", "payment.charge",
                "payment.refund", "shipping.schedule", "shipping.cancel");
        commands.onEachMessage(this::answer);
    }

    /** The participants of a test class, as its extension: answering from before its first test to after its last. */
    public static FakeParticipants perClass() {
        return new FakeParticipants(TestBroker.perClass());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        broker.beforeAll(context);
        // orders are placed by their customer (Orders.customerOf); everything else is asked as an operator
        Tokens.byDefault(Tokens.operator());
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        close();
    }

    /** The command types the order was sent, in the order they arrived (re-sends included). */
    public List<String> commandsOf(String orderId) {
        return byOrder.getOrDefault(orderId, List.of()).stream().map(Received::type).toList();
    }

    /** The message ids of the commands the order was sent. */
    public List<String> commandIdsOf(String orderId) {
        return byOrder.getOrDefault(orderId, List.of()).stream().map(Received::messageId).toList();
    }

    /** The commands the order was sent, as they arrived (AMQP properties included). */
    public List<Received> commandsReceivedBy(String orderId) {
        return List.copyOf(byOrder.getOrDefault(orderId, List.of()));
    }

    /** Now answers the reserve commands that were held back ({@code late} products). */
    public void answerLateReservations() {
        List<Received> late = List.copyOf(heldBack);
        heldBack.clear();
        late.forEach(command -> reply(command, reserved(command.as(ReserveStock.class))));
    }

    public TestBroker broker() {
        return broker;
    }

    private void answer(Received command) {
        byOrder.computeIfAbsent(command.correlationId(), order -> new CopyOnWriteArrayList<>()).add(command);
        Object payload = command.as(COMMAND_TYPES.classOf(command.type()).orElseThrow());
        if (payload instanceof ReserveStock reserve && skuStartingWith(reserve, "late").isPresent()) {
            heldBack.add(command);
            return;
        }
        decide(payload).ifPresent(reply -> reply(command, reply));
    }

    private Optional<Object> decide(Object command) {
        if (command instanceof ReserveStock reserve) {
            reservations.put(reserve.orderId(), reserve);
            if (skuStartingWith(reserve, "silent").isPresent()) {
                return Optional.empty();
            }
            Optional<String> missing = skuStartingWith(reserve, "out-of-stock");
            if (missing.isPresent()) {
                return Optional.of(new StockRejected(reserve.orderId(), StockRejected.Reason.OUT_OF_STOCK,
                        List.of(new StockRejected.LineProblem(missing.get(), 1, 0L, StockRejected.Reason.OUT_OF_STOCK))));
            }
            Optional<String> unknown = skuStartingWith(reserve, "unknown");
            if (unknown.isPresent()) {
                return Optional.of(new StockRejected(reserve.orderId(), StockRejected.Reason.UNKNOWN_PRODUCT,
                        List.of(new StockRejected.LineProblem(unknown.get(), 1, null, StockRejected.Reason.UNKNOWN_PRODUCT))));
            }
            return Optional.of(reserved(reserve));
        }
        if (command instanceof CommitStock commit) {
            ReserveStock reserve = reservations.get(commit.orderId());
            return Optional.of(reserve != null && skuStartingWith(reserve, "expiring").isPresent()
                    ? new StockCommitRefused(commit.orderId(), StockCommitRefused.Status.EXPIRED)
                    : new StockCommitted(commit.orderId()));
        }
        if (command instanceof ReleaseStock release) {
            return Optional.of(new StockReleased(release.orderId(), StockReleased.Outcome.RELEASED));
        }
        if (command instanceof ChargePayment charge) {
            return switch (charge.paymentMethod()) {
                case "tok_visa" -> Optional.of(new PaymentCharged(charge.orderId(), "pay-" + charge.orderId(), charge.amount(),
                        charge.currency()));
                case "tok_decline" -> Optional.of(new PaymentDeclined(charge.orderId(), "pay-" + charge.orderId(),
                        PaymentDeclined.Reason.CARD_DECLINED));
                case "tok_insufficient_funds" -> Optional.of(new PaymentDeclined(charge.orderId(), "pay-" + charge.orderId(),
                        PaymentDeclined.Reason.INSUFFICIENT_FUNDS));
                default -> Optional.empty();
            };
        }
        if (command instanceof RefundPayment refund) {
            return Optional.of(new PaymentRefunded(refund.orderId(), "pay-" + refund.orderId(), PRICE, "EUR"));
        }
        if (command instanceof ScheduleShipment schedule) {
            return switch (schedule.address().country()) {
                case "ZZ" ->
                    Optional.of(new ShipmentRejected(schedule.orderId(), ShipmentRejected.Reason.UNSUPPORTED_DESTINATION,
                            "country ZZ is not served"));
                case "XX" -> Optional.empty();
                default -> Optional.of(new ShipmentScheduled(schedule.orderId(), "shp-" + schedule.orderId(), "ColiPoste",
                        "CP0123456789", new BigDecimal("4.90"), "EUR", LocalDate.now().plusDays(2)));
            };
        }
        if (command instanceof CancelShipment cancel) {
            return Optional.of(new ShipmentCancelled(cancel.orderId(), "shp-" + cancel.orderId()));
        }
        return Optional.of(new NothingToRefund("unreachable"));
    }

    private void reply(Received command, Object reply) {
        int copies = reservations.containsKey(command.correlationId())
                && skuStartingWith(reservations.get(command.correlationId()), "twice").isPresent() ? 2 : 1;
        // in the command's trace, as a participant's reply is
        Map<String, Object> headers = command.traceparent() == null ? Map.of() : Map.of("traceparent", command.traceparent());
        for (int copy = 0; copy < copies; copy++) {
            broker.send("replies", command.properties().getReplyTo(), command.messageId() + ":reply", command.correlationId(),
                    null, reply, headers);
        }
    }

    private static StockReserved reserved(ReserveStock reserve) {
        List<PricedLine> lines = new ArrayList<>();
        reserve.lines().forEach(line -> lines.add(new PricedLine(line.sku(), line.quantity(), PRICE, "EUR")));
        return new StockReserved(reserve.orderId(), lines);
    }

    private static Optional<String> skuStartingWith(ReserveStock reserve, String prefix) {
        return reserve.lines().stream().map(line -> line.sku()).filter(sku -> sku.startsWith(prefix)).findFirst();
    }

    @Override
    public void close() throws Exception {
        commands.close();
        broker.close();
    }
}
