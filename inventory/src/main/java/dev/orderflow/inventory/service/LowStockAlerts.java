package dev.orderflow.inventory.service;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.jboss.logging.Logger;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import dev.orderflow.common.outbox.Outbox;
import dev.orderflow.common.store.MongoSupport;
import dev.orderflow.common.store.StoreRetry;
import dev.orderflow.inventory.Product;
import dev.orderflow.inventory.messaging.ProductOutbox;
import dev.orderflow.inventory.repository.ProductRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The inventory.low-stock event, once per crossing: raising the alert is a conditional update (one winner among
 * concurrent orders) that stores the event in the product's outbox ({@link ProductOutbox}), under an id that carries
 * the crossing's number; the alert is re-armed as soon as stock is back, whether or not that event is out yet. An
 * alert whose publishing failed is sent by the outbox sweep under its own id, so it never stands for the next
 * crossing's, and it never holds that one back (a re-arm that waited for it lost a crossing that came within the
 * moment between the broker's confirm and the take-out).
 */
@ApplicationScoped
public class LowStockAlerts {

    private static final Logger LOG = Logger.getLogger(LowStockAlerts.class);
    private static final Bson BELOW_THRESHOLD = Filters.expr(new Document("$lt", List.of("$available", "$lowStockThreshold")));
    private static final Bson AT_OR_ABOVE_THRESHOLD = Filters
            .expr(new Document("$gte", List.of("$available", "$lowStockThreshold")));

    private final ProductRepository products;
    private final ProductOutbox outbox;
    private final Clock clock;
    private final StoreRetry storeRetry;

    public LowStockAlerts(ProductRepository products, ProductOutbox outbox, Clock clock, StoreRetry storeRetry) {
        this.products = products;
        this.outbox = outbox;
        this.clock = clock;
        this.storeRetry = storeRetry;
    }

    /**
     * Looks at a product just after its stock changed: raises the alert when available stock is below the threshold,
     * re-arms it when stock is back. Never fails: what could not be published is left to the outbox sweep.
     */
    public Uni<Void> afterChange(Product product) {
        if (product == null) {
            return Uni.createFrom().voidItem();
        }
        if (!product.lowStock && product.available < product.lowStockThreshold) {
            return raise(product);
        }
        if (product.lowStock && product.available >= product.lowStockThreshold) {
            return rearm(product.sku);
        }
        return Uni.createFrom().voidItem();
    }

    public Uni<Void> afterChanges(List<Product> changed) {
        return Multi.createFrom().iterable(changed).onItem().transformToUniAndConcatenate(this::afterChange).collect().last()
                .replaceWithVoid();
    }

    /**
     * The event id carries the crossing's number, so the update is also conditional on the count the change saw: if
     * another worker raised an alert since, that alert covers this crossing (and a later crossing is raised by the
     * change that made it).
     */
    private Uni<Void> raise(Product changed) {
        long crossing = changed.lowStockAlerts + 1;
        Bson unalerted = Filters.and(Filters.eq("_id", changed.sku), Filters.eq("lowStock", false),
                Filters.eq("lowStockAlerts", changed.lowStockAlerts), BELOW_THRESHOLD);
        Bson raised = Updates.combine(Updates.set("lowStock", true), Updates.inc("lowStockAlerts", 1),
                Outbox.add(ProductOutbox.lowStock(changed.sku, crossing, clock.instant())));
        return storeRetry.call(() -> products.mongoCollection().findOneAndUpdate(unalerted, raised, MongoSupport.RETURN_AFTER))
                .onItem().ifNotNull().transformToUni(product -> {
                    LOG.infof("Low stock of %s: %d available, threshold %d (alert %d)", product.sku, product.available,
                            product.lowStockThreshold, product.lowStockAlerts);
                    return outbox.publish(product);
                })
                .replaceWithVoid();
    }

    /** Stock is back: the next fall below the threshold raises a new alert. */
    private Uni<Void> rearm(String sku) {
        Bson recovered = Filters.and(Filters.eq("_id", sku), Filters.eq("lowStock", true), AT_OR_ABOVE_THRESHOLD);
        return storeRetry.call(() -> products.mongoCollection().updateOne(recovered, Updates.set("lowStock", false)))
                .replaceWithVoid();
    }
}
