package dev.orderflow.inventory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.bson.codecs.pojo.annotations.BsonId;

import dev.orderflow.common.outbox.PendingMessage;
import io.quarkus.mongodb.panache.common.MongoEntity;

/**
 * A product of the catalogue and its stock. The stock figures always satisfy
 * {@code received = available + reserved + sold}, and none of them is ever negative: every change is one conditional
 * update of this document (see {@link dev.orderflow.inventory.service.StockLedger}).
 */
@MongoEntity(collection = "products")
public class Product {

    @BsonId
    public String sku;
    public String name;
    public String description;
    public String category;
    public BigDecimal unitPrice;
    public String currency;

    /** All stock ever taken in, net of adjustments. */
    public long received;
    /** Stock that can be reserved. */
    public long available;
    /** Stock held by reservations, listed in {@link #holds}. */
    public long reserved;
    /** Stock sold to confirmed orders. */
    public long sold;

    public long lowStockThreshold;
    /** Whether available stock is below the threshold and the alert for this crossing was raised. */
    public boolean lowStock;
    /** How many times available stock fell below the threshold; the n-th alert's event id ends in n. */
    public long lowStockAlerts;

    /** What each order holds of this product; an order's entry is its proof that its stock was taken. */
    public List<Hold> holds = new ArrayList<>();
    /** Orders whose sold stock is being given back; transient, removed once their reservation is closed. */
    public List<String> returns = new ArrayList<>();

    /** The last stock changes made through the API, newest last. */
    public List<Movement> stockMovements = new ArrayList<>();

    /** The low-stock alert while the broker has not confirmed it ({@link dev.orderflow.inventory.messaging.ProductOutbox}). */
    public List<PendingMessage> outbox = new ArrayList<>();

    public long version;
    public Instant createdAt;
    public Instant updatedAt;

    /** A stock change made through the API, and why. */
    public static class Movement {
        public long change;
        public String reason;
        public Instant at;

        public Movement() {
        }

        public Movement(long change, String reason, Instant at) {
            this.change = change;
            this.reason = reason;
            this.at = at;
        }
    }

    /** The stock an order holds of this product. */
    public static class Hold {
        public String orderId;
        public long quantity;
        public Instant at;

        public Hold() {
        }

        public Hold(String orderId, long quantity, Instant at) {
            this.orderId = orderId;
            this.quantity = quantity;
            this.at = at;
        }
    }
}
