package dev.orderflow.shipping;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.bson.codecs.pojo.annotations.BsonId;

import dev.orderflow.common.outbox.Outbox;
import dev.orderflow.common.outbox.PendingMessage;
import dev.orderflow.contracts.shipping.Address;
import dev.orderflow.contracts.shipping.ShipmentLine;
import dev.orderflow.contracts.shipping.ShipmentRejected;
import io.quarkus.mongodb.panache.common.MongoEntity;

/**
 * Everything shipping knows about one order: at most one shipment per order ({@code orderId} has a unique index), which
 * makes the order id the idempotency key of every command. A command's outcome is stored here, so a repeated command
 * is answered from this document alone; every change is one conditional update of it, on the expected status.
 */
@MongoEntity(collection = "shipments")
public class Shipment {

    static final String ID_PREFIX = "shp-";

    @BsonId
    public String id;
    public String orderId;
    public String customerId;
    public ShipmentStatus status;
    public Destination address;
    public List<Line> lines = new ArrayList<>();

    public String carrier;
    /** The carrier's id of the parcel's label: how shipping calls the label off. */
    public String labelId;
    public String trackingNumber;
    public BigDecimal cost;
    public String currency;
    public LocalDate estimatedDelivery;

    public ShipmentRejected.Reason rejectionReason;
    public String rejectionDetail;

    public Instant createdAt;
    /** Set once the shipment was booked, and kept when it is cancelled: it was scheduled, whatever came next. */
    public Instant scheduledAt;
    public Instant dispatchedAt;
    public Instant inTransitAt;
    public Instant deliveredAt;
    public Instant cancelledAt;
    public Instant rejectedAt;
    public Instant updatedAt;

    /** The carrier events the broker has not confirmed yet, each taken out once it is ({@link Outbox}). */
    public List<PendingMessage> outbox = new ArrayList<>();

    /** A new shipment document for the order, with a fresh id and no status yet. */
    public static Shipment forOrder(String orderId, Instant now) {
        Shipment shipment = new Shipment();
        shipment.id = ID_PREFIX + UUID.randomUUID();
        shipment.orderId = orderId;
        shipment.createdAt = now;
        shipment.updatedAt = now;
        return shipment;
    }

    /** The name of the field that records when a shipment reached {@code status}. */
    public static String reachedAtField(ShipmentStatus status) {
        return switch (status) {
            case SCHEDULED -> "scheduledAt";
            case DISPATCHED -> "dispatchedAt";
            case IN_TRANSIT -> "inTransitAt";
            case DELIVERED -> "deliveredAt";
            case CANCELLED -> "cancelledAt";
            case REJECTED -> "rejectedAt";
        };
    }

    /** When this shipment reached {@code status}; null if it never did. */
    public Instant reachedAt(ShipmentStatus status) {
        return switch (status) {
            case SCHEDULED -> scheduledAt;
            case DISPATCHED -> dispatchedAt;
            case IN_TRANSIT -> inTransitAt;
            case DELIVERED -> deliveredAt;
            case CANCELLED -> cancelledAt;
            case REJECTED -> rejectedAt;
        };
    }

    /** Where the parcel goes, as the schedule command gave it. */
    public static class Destination {
        public String name;
        public String line1;
        public String line2;
        public String city;
        public String postalCode;
        public String country;

        public Destination() {
        }

        public static Destination of(Address address) {
            Destination destination = new Destination();
            destination.name = address.name();
            destination.line1 = address.line1();
            destination.line2 = address.line2();
            destination.city = address.city();
            destination.postalCode = address.postalCode();
            destination.country = address.country();
            return destination;
        }

        public Address toAddress() {
            return new Address(name, line1, line2, city, postalCode, country);
        }
    }

    /** A quantity of one product in the parcel. */
    public static class Line {
        public String sku;
        public int quantity;

        public Line() {
        }

        public static Line of(ShipmentLine line) {
            Line stored = new Line();
            stored.sku = line.sku();
            stored.quantity = line.quantity();
            return stored;
        }

        public ShipmentLine toShipmentLine() {
            return new ShipmentLine(sku, quantity);
        }
    }
}
