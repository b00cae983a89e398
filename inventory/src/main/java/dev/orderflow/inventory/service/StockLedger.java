package dev.orderflow.inventory.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.PushOptions;
import com.mongodb.client.model.Updates;

import dev.orderflow.common.store.MongoSupport;
import dev.orderflow.common.store.StoreRetry;
import dev.orderflow.inventory.Product;
import dev.orderflow.inventory.repository.ProductRepository;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;

/**
 * Every change of a product's stock, each one conditional update of that product's document: the guard makes it
 * impossible to drive a figure negative, and the order's entry in {@code holds} (or {@code returns}) makes repeating
 * an order's change harmless. No multi-document transaction is involved (design brief, rule 1).
 */
@ApplicationScoped
public class StockLedger {

    /** How many stock movements a product keeps. */
    static final int RECENT_MOVEMENTS = 20;

    private final ProductRepository products;
    private final Clock clock;
    private final StoreRetry storeRetry;

    public StockLedger(ProductRepository products, Clock clock, StoreRetry storeRetry) {
        this.products = products;
        this.clock = clock;
        this.storeRetry = storeRetry;
    }

    /** The result of taking stock for one line of an order. */
    public record Take(Kind kind, String sku, Product product) {

        public enum Kind {
            /** taken now */
            TAKEN,
            /** the order held it already: a repeated command */
            ALREADY_HELD,
            /** not enough available stock */
            SHORT,
            UNKNOWN_PRODUCT
        }

        public boolean holds() {
            return kind == Kind.TAKEN || kind == Kind.ALREADY_HELD;
        }
    }

    /** Moves {@code quantity} from available to reserved for the order, unless the order holds this product already. */
    public Uni<Take> hold(String orderId, String sku, long quantity) {
        Instant now = clock.instant();
        Bson guard = Filters.and(Filters.eq("_id", sku), Filters.gte("available", quantity),
                Filters.ne("holds.orderId", orderId));
        Bson take = Updates.combine(
                Updates.inc("available", -quantity),
                Updates.inc("reserved", quantity),
                Updates.push("holds", new Document("orderId", orderId).append("quantity", quantity).append("at", now)),
                changed(now));
        return storeRetry.call(() -> collection().findOneAndUpdate(guard, take, MongoSupport.RETURN_AFTER)).onItem()
                .transformToUni(taken -> {
                    if (taken != null) {
                        return Uni.createFrom().item(new Take(Take.Kind.TAKEN, sku, taken));
                    }
                    return products.findById(sku).map(product -> {
                        if (product == null) {
                            return new Take(Take.Kind.UNKNOWN_PRODUCT, sku, null);
                        }
                        boolean held = product.holds.stream().anyMatch(hold -> orderId.equals(hold.orderId));
                        return new Take(held ? Take.Kind.ALREADY_HELD : Take.Kind.SHORT, sku, product);
                    });
                });
    }

    /** Moves what the order holds back to available; null when it holds nothing (already given back). */
    public Uni<Product> releaseHold(String orderId, String sku, long quantity) {
        Instant now = clock.instant();
        return storeRetry.call(() -> collection().findOneAndUpdate(heldBy(orderId, sku, quantity),
                Updates.combine(Updates.inc("available", quantity), Updates.inc("reserved", -quantity), unhold(orderId),
                        changed(now)),
                MongoSupport.RETURN_AFTER));
    }

    /** Moves what the order holds from reserved to sold; null when it holds nothing (already committed). */
    public Uni<Product> commitHold(String orderId, String sku, long quantity) {
        Instant now = clock.instant();
        return storeRetry.call(() -> collection().findOneAndUpdate(heldBy(orderId, sku, quantity),
                Updates.combine(Updates.inc("reserved", -quantity), Updates.inc("sold", quantity), unhold(orderId),
                        changed(now)),
                MongoSupport.RETURN_AFTER));
    }

    /**
     * Moves stock sold to the order back to available, marking the product with the order so a repeat does nothing;
     * null when it was given back already.
     */
    public Uni<Product> giveBack(String orderId, String sku, long quantity) {
        Instant now = clock.instant();
        Bson guard = Filters.and(Filters.eq("_id", sku), Filters.gte("sold", quantity), Filters.ne("returns", orderId));
        return storeRetry.call(() -> collection().findOneAndUpdate(guard,
                Updates.combine(Updates.inc("sold", -quantity), Updates.inc("available", quantity),
                        Updates.push("returns", orderId),
                        changed(now)),
                MongoSupport.RETURN_AFTER));
    }

    /** Drops the mark {@link #giveBack} left, once the order's reservation records the return. */
    public Uni<Void> forgetReturn(String orderId, String sku) {
        return storeRetry.call(() -> collection().updateOne(Filters.eq("_id", sku), Updates.pull("returns", orderId)))
                .replaceWithVoid();
    }

    /**
     * Receives ({@code change > 0}) or writes off ({@code change < 0}) stock, and records why among the product's
     * recent movements; null when the product is unknown or the change would make available stock negative.
     */
    public Uni<Product> adjust(String sku, long change, String reason) {
        Instant now = clock.instant();
        Bson guard = change < 0 ? Filters.and(Filters.eq("_id", sku), Filters.gte("available", -change))
                : Filters.eq("_id", sku);
        Document movement = new Document("change", change).append("reason", reason).append("at", now);
        return storeRetry.call(() -> collection().findOneAndUpdate(guard,
                Updates.combine(Updates.inc("received", change), Updates.inc("available", change),
                        Updates.pushEach("stockMovements", List.of(movement), new PushOptions().slice(-RECENT_MOVEMENTS)),
                        changed(now)),
                MongoSupport.RETURN_AFTER));
    }

    private static Bson heldBy(String orderId, String sku, long quantity) {
        return Filters.and(Filters.eq("_id", sku),
                Filters.elemMatch("holds", Filters.and(Filters.eq("orderId", orderId), Filters.eq("quantity", quantity))));
    }

    private static Bson unhold(String orderId) {
        return Updates.pull("holds", new Document("orderId", orderId));
    }

    private static Bson changed(Instant now) {
        return Updates.combine(Updates.inc("version", 1), Updates.set("updatedAt", now));
    }

    private ReactiveMongoCollection<Product> collection() {
        return products.mongoCollection();
    }
}
