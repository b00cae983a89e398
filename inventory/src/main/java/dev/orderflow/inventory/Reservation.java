package dev.orderflow.inventory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bson.codecs.pojo.annotations.BsonId;

import dev.orderflow.common.outbox.PendingMessage;
import dev.orderflow.contracts.inventory.StockRejected;
import dev.orderflow.contracts.inventory.StockReleased;
import io.quarkus.mongodb.panache.common.MongoEntity;

/**
 * An order's claim on stock, keyed by order id: the idempotency key of every inventory command. It records the
 * outcome of each command, so a repeated command gets the same reply without touching stock again.
 * <p>
 * One worker at a time changes a reservation: it takes the lease ({@link #leaseOwner} until {@link #leaseUntil}) with a
 * conditional update, and every change it makes is conditional on still holding it.
 */
@MongoEntity(collection = "reservations")
public class Reservation {

    @BsonId
    public String orderId;
    public ReservationStatus status;
    public List<Line> lines = new ArrayList<>();

    /** Why the reservation was rejected, and which lines could not be served. */
    public StockRejected.Reason rejectionReason;
    public List<StockRejected.LineProblem> problems = new ArrayList<>();
    /** How the release command was answered, so a repeated release gets the same answer. */
    public StockReleased.Outcome releaseOutcome;

    /** A step started and not finished yet, if any: the next worker finishes it first. */
    public ReservationStep underway;

    public String leaseOwner;
    public Instant leaseUntil;

    public Instant createdAt;
    public Instant heldAt;
    public Instant expiresAt;
    public Instant closedAt;
    /**
     * The reservation-expired event while the broker has not confirmed it
     * ({@link dev.orderflow.inventory.messaging.ReservationOutbox}).
     */
    public List<PendingMessage> outbox = new ArrayList<>();
    public long version;

    /** A requested quantity of one product; price and currency are filled in when the stock is held. */
    public static class Line {
        public String sku;
        public long quantity;
        public BigDecimal unitPrice;
        public String currency;

        public Line() {
        }

        public Line(String sku, long quantity) {
            this.sku = sku;
            this.quantity = quantity;
        }
    }

    /** Whether a worker left something half done: stock being taken, or a step under way. */
    public boolean isInProgress() {
        return status == ReservationStatus.PENDING || underway != null;
    }
}
