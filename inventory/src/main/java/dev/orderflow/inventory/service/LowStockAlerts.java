package dev.orderflow.inventory.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.jboss.logging.Logger;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import dev.orderflow.common.store.MongoSupport;
import dev.orderflow.contracts.inventory.LowStock;
import dev.orderflow.inventory.Product;
import dev.orderflow.inventory.messaging.InventoryEvents;
import dev.orderflow.inventory.repository.ProductRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The inventory.low-stock event, once per crossing: raising the alert is a conditional update (one winner among
 * concurrent orders), and it is recorded as pending until the broker has confirmed the event, so an alert whose
 * publishing failed is sent again by {@link ReservationSweeper}, under the same event id.
 */
@ApplicationScoped
public class LowStockAlerts {

    private static final Logger LOG = Logger.getLogger(LowStockAlerts.class);
    private static final Bson BELOW_THRESHOLD = Filters.expr(new Document("$lt", List.of("$available", "$lowStockThreshold")));
    private static final Bson AT_OR_ABOVE_THRESHOLD = Filters
            .expr(new Document("$gte", List.of("$available", "$lowStockThreshold")));

    private final ProductRepository products;
    private final InventoryEvents events;
    private final Clock clock;

    public LowStockAlerts(ProductRepository products, InventoryEvents events, Clock clock) {
        this.products = products;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Looks at a product just after its stock changed: raises the alert when available stock is below the threshold,
     * re-arms it when stock is back. Never fails: what could not be published is retried by the sweep.
     */
    public Uni<Void> afterChange(Product product) {
        if (product == null) {
            return Uni.createFrom().voidItem();
        }
        if (!product.lowStock && product.available < product.lowStockThreshold) {
            return raise(product.sku);
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

    /** Publishes again every alert that is still pending since before {@code before}. */
    public Uni<Void> republishPending(Instant before) {
        return products.list(Filters.lt("lowStockAlertPendingSince", before)).onItem()
                .transformToMulti(pending -> Multi.createFrom().iterable(pending))
                .onItem().transformToUniAndConcatenate(this::publish)
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> raise(String sku) {
        Bson crossing = Filters.and(Filters.eq("_id", sku), Filters.eq("lowStock", false), BELOW_THRESHOLD);
        Bson raised = Updates.combine(Updates.set("lowStock", true), Updates.set("lowStockAlertPendingSince", clock.instant()),
                Updates.inc("lowStockAlerts", 1));
        return products.mongoCollection().findOneAndUpdate(crossing, raised, MongoSupport.RETURN_AFTER)
                .onItem().ifNotNull().transformToUni(this::publish)
                .replaceWithVoid();
    }

    private Uni<Void> publish(Product product) {
        LowStock event = new LowStock(product.sku, product.name, product.available, product.lowStockThreshold);
        return events.lowStock(event, product.lowStockAlerts)
                .chain(() -> products.mongoCollection().updateOne(
                        Filters.and(Filters.eq("_id", product.sku), Filters.eq("lowStockAlerts", product.lowStockAlerts)),
                        Updates.unset("lowStockAlertPendingSince")))
                .invoke(() -> LOG.infof("Low stock of %s: %d available, threshold %d", product.sku, product.available,
                        product.lowStockThreshold))
                .replaceWithVoid()
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("Low-stock alert for %s not published yet (%s); the sweep will retry", product.sku,
                            failure.toString());
                    return Uni.createFrom().voidItem();
                });
    }

    /** Stock is back: the next fall below the threshold raises a new alert, once this one is out. */
    private Uni<Void> rearm(String sku) {
        Bson recovered = Filters.and(Filters.eq("_id", sku), Filters.eq("lowStock", true),
                Filters.eq("lowStockAlertPendingSince", null),
                AT_OR_ABOVE_THRESHOLD);
        return products.mongoCollection().updateOne(recovered, Updates.set("lowStock", false)).replaceWithVoid();
    }
}
