package dev.orderflow.inventory.messaging;

import java.time.Instant;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.reactive.messaging.Channel;

import dev.orderflow.common.messaging.Envelope;
import dev.orderflow.common.messaging.MessageTypes;
import dev.orderflow.common.messaging.Messaging;
import dev.orderflow.common.outbox.Outbox;
import dev.orderflow.common.outbox.PendingMessage;
import dev.orderflow.common.store.StoreRetry;
import dev.orderflow.contracts.inventory.LowStock;
import dev.orderflow.inventory.Product;
import dev.orderflow.inventory.repository.ProductRepository;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * The inventory.low-stock event on the {@code events} exchange, through the product's outbox: raising the alert stores
 * its {@link #lowStock pending event}, and the event is built from the stored product when it is published.
 * <p>
 * A singleton, not application-scoped: {@link dev.orderflow.common.outbox.OutboxSweeper} calls the outbox's
 * package-private {@code sweep}, which a client proxy cannot pass on to the bean.
 */
@Singleton
public class ProductOutbox extends Outbox<Product> {

    /** The type of the low-stock event. */
    private static final String LOW_STOCK = MessageTypes.nameOf(LowStock.class);

    public ProductOutbox(ProductRepository products, Messaging messaging, @Channel("events") MutinyEmitter<byte[]> events,
            StoreRetry storeRetry) {
        super(products.mongoCollection(), product -> product.sku, product -> product.outbox, messaging, events, storeRetry);
    }

    /**
     * The event of the {@code crossing}-th time a product ran low, to store with the alert: {@code <sku>:low-stock:<n>}
     * identifies it, so a re-publish is recognised downstream.
     */
    public static PendingMessage lowStock(String sku, long crossing, Instant at) {
        return new PendingMessage(lowStockId(sku, crossing), LOW_STOCK, at);
    }

    private static String lowStockId(String sku, long crossing) {
        return sku + ":low-stock:" + crossing;
    }

    /** The alert with the product's stock as stored; its id, which carries the crossing, is the pending message's. */
    @Override
    protected Envelope<?> message(Product product, PendingMessage pending) {
        if (!LOW_STOCK.equals(pending.type)) {
            throw new IllegalArgumentException("no product event of type " + pending.type);
        }
        return Envelope.of(pending.messageId, null,
                new LowStock(product.sku, product.name, product.available, product.lowStockThreshold));
    }
}
