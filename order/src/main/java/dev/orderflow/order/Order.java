package dev.orderflow.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.bson.codecs.pojo.annotations.BsonId;

import dev.orderflow.common.outbox.PendingMessage;
import dev.orderflow.contracts.inventory.PricedLine;
import dev.orderflow.contracts.inventory.StockLine;
import dev.orderflow.contracts.inventory.StockReserved;
import dev.orderflow.contracts.order.CancellationReason;
import dev.orderflow.contracts.shipping.ShipmentLine;
import dev.orderflow.contracts.shipping.ShipmentScheduled;
import dev.orderflow.order.saga.SagaFailure;
import dev.orderflow.order.saga.SagaProgress;
import io.quarkus.mongodb.panache.common.MongoEntity;

/**
 * An order, its saga's progress and its history, in one document: every change is one conditional replacement on
 * ({@code _id}, {@code version}), so two replicas of the service never lose each other's transitions.
 */
@MongoEntity(collection = "orders")
public class Order {

    @BsonId
    public String id;
    public String customerId;
    public String customerEmail;
    public List<Item> items = new ArrayList<>();
    public Address shippingAddress;
    public String paymentMethod;

    public OrderStatus status;
    public CancellationReason cancellationReason;
    public String cancellationDetail;

    /** What the goods cost, from inventory's prices; the amount charged. */
    public BigDecimal total;
    public String currency;
    public String paymentId;
    public String shipmentId;
    public String carrier;
    public String trackingNumber;
    /** What the carrier charges the shop for the parcel (prices include delivery: the customer is not charged it). */
    public BigDecimal shippingCost;
    public LocalDate estimatedDelivery;
    /** When the carrier reported the parcel picked up, and delivered. */
    public Instant dispatchedAt;
    public Instant deliveredAt;

    public SagaProgress saga = new SagaProgress();
    public List<HistoryEntry> history = new ArrayList<>();
    /**
     * Events decided but not yet confirmed by the broker (its outbox): added in the update that decides them, taken out
     * once published. An order publishes each event type once, so its id and the type name the event.
     */
    public List<PendingMessage> outbox = new ArrayList<>();
    /** Shipment events already applied, by message id: a redelivered one is recognised. */
    public List<String> shipmentEvents = new ArrayList<>();

    /**
     * The trace the order was placed in (W3C traceparent): what the saga sends from a timer continues it, and its trace
     * id is the one the API shows. Null for an order placed outside any trace.
     */
    public String traceparent;

    public Instant createdAt;
    public Instant updatedAt;
    public long version;

    public static class Item {
        public String sku;
        public int quantity;
        public BigDecimal unitPrice;

        public Item() {
        }

        public Item(String sku, int quantity) {
            this.sku = sku;
            this.quantity = quantity;
        }
    }

    public static class Address {
        public String name;
        public String line1;
        public String line2;
        public String city;
        public String postalCode;
        public String country;

        public dev.orderflow.contracts.shipping.Address toContract() {
            return new dev.orderflow.contracts.shipping.Address(name, line1, line2, city, postalCode, country);
        }
    }

    /** One transition: when, into which status, which saga step did what, and why. */
    public static class HistoryEntry {
        public Instant at;
        public OrderStatus status;
        public String step;
        public String outcome;
        public String reason;

        public HistoryEntry() {
        }

        public HistoryEntry(Instant at, OrderStatus status, String step, String outcome, String reason) {
            this.at = at;
            this.status = status;
            this.step = step;
            this.outcome = outcome;
            this.reason = reason;
        }
    }

    public List<StockLine> stockLines() {
        return items.stream().map(item -> new StockLine(item.sku, item.quantity)).toList();
    }

    public List<ShipmentLine> shipmentLines() {
        return items.stream().map(item -> new ShipmentLine(item.sku, item.quantity)).toList();
    }

    /** Takes the prices inventory reserved at; an order is paid in one currency. */
    public void price(StockReserved reserved) {
        List<String> currencies = reserved.lines().stream().map(PricedLine::currency).distinct().toList();
        if (currencies.size() != 1) {
            throw new SagaFailure(CancellationReason.MIXED_CURRENCIES, "the products are priced in " + currencies);
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (Item item : items) {
            PricedLine line = reserved.lines().stream().filter(priced -> priced.sku().equals(item.sku)).findFirst()
                    .orElseThrow(() -> new SagaFailure(CancellationReason.UNKNOWN_PRODUCT, "no price for " + item.sku));
            item.unitPrice = line.unitPrice();
            sum = sum.add(line.unitPrice().multiply(BigDecimal.valueOf(item.quantity)));
        }
        total = sum;
        currency = currencies.get(0);
    }

    /** Adds the event of that type to the outbox, to be stored with this change and published after it. */
    public void announce(String eventType, Instant now) {
        outbox.add(new PendingMessage(id + ":" + eventType, eventType, now));
    }

    /**
     * Moves the order to {@code to}, announced by its event, when its status allows it ({@link OrderStatus#canBecome});
     * otherwise changes nothing: a late or repeated move is not a second one.
     */
    public void moveTo(OrderStatus to, String eventType, Instant now) {
        if (status.canBecome(to)) {
            status = to;
            announce(eventType, now);
        }
    }

    public void ship(ShipmentScheduled scheduled) {
        shipmentId = scheduled.shipmentId();
        carrier = scheduled.carrier();
        trackingNumber = scheduled.trackingNumber();
        shippingCost = scheduled.cost();
        estimatedDelivery = scheduled.estimatedDelivery();
    }
}
