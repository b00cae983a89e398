package dev.orderflow.inventory.service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import dev.orderflow.common.rest.Page;
import dev.orderflow.common.rest.ProblemException;
import dev.orderflow.common.store.MongoSupport;
import dev.orderflow.common.store.Paging;
import dev.orderflow.common.store.StoreRetry;
import dev.orderflow.inventory.Product;
import dev.orderflow.inventory.Reservation;
import dev.orderflow.inventory.repository.ProductRepository;
import dev.orderflow.inventory.repository.ReservationRepository;
import dev.orderflow.inventory.rest.NewProduct;
import dev.orderflow.inventory.rest.ProductUpdate;
import dev.orderflow.inventory.rest.StockChange;
import io.smallrye.mutiny.Uni;

/** The catalogue as operators manage it: products, their description and price, and stock taken in or written off. */
@ApplicationScoped
public class CatalogueService {

    static final long DEFAULT_LOW_STOCK_THRESHOLD = 10;

    static final Document BY_SKU = new Document("_id", 1);
    static final Document LOW_STOCK = new Document("$expr", new Document("$lt", List.of("$available", "$lowStockThreshold")));

    private final ProductRepository products;
    private final ReservationRepository reservations;
    private final StockLedger ledger;
    private final LowStockAlerts alerts;
    private final Clock clock;
    private final StoreRetry storeRetry;

    public CatalogueService(ProductRepository products, ReservationRepository reservations, StockLedger ledger,
            LowStockAlerts alerts, Clock clock, StoreRetry storeRetry) {
        this.products = products;
        this.reservations = reservations;
        this.ledger = ledger;
        this.alerts = alerts;
        this.clock = clock;
        this.storeRetry = storeRetry;
    }

    /**
     * Products by sku, of the category given (a null category matches all), only those whose available stock is below
     * their threshold if asked.
     */
    public Uni<Page<Product>> list(String category, boolean lowStockOnly, int page, int size) {
        var filter = Paging.filter().eq("category", category).where(lowStockOnly, LOW_STOCK);
        return Paging.page(storeRetry, products.find(filter.toDocument(), BY_SKU), page, size);
    }

    public Uni<Product> get(String sku) {
        return products.findById(sku).onItem().ifNull().failWith(() -> unknown(sku));
    }

    /** Adds a product; 409 when the sku is taken. */
    public Uni<Product> create(NewProduct request) {
        Instant now = clock.instant();
        Product product = new Product();
        product.sku = request.sku();
        product.name = request.name();
        product.description = request.description();
        product.category = request.category();
        product.unitPrice = request.unitPrice();
        product.currency = request.currency();
        product.received = Optional.ofNullable(request.initialStock()).orElse(0L);
        product.available = product.received;
        product.lowStockThreshold = Optional.ofNullable(request.lowStockThreshold()).orElse(DEFAULT_LOW_STOCK_THRESHOLD);
        product.createdAt = now;
        product.updatedAt = now;
        return products.persist(product)
                .onFailure(MongoSupport::isDuplicateKey)
                .transform(duplicate -> ProblemException.conflict("A product with sku " + request.sku() + " exists already"))
                .call(() -> alerts.afterChange(product));
    }

    /** Replaces the description, price and threshold of a product; its stock is left as it is. */
    public Uni<Product> update(String sku, ProductUpdate request) {
        Bson changes = Updates.combine(
                Updates.set("name", request.name()),
                Updates.set("description", request.description()),
                Updates.set("category", request.category()),
                Updates.set("unitPrice", request.unitPrice()),
                Updates.set("currency", request.currency()),
                Updates.set("lowStockThreshold", request.lowStockThreshold()),
                Updates.inc("version", 1),
                Updates.set("updatedAt", clock.instant()));
        return storeRetry
                .call(() -> products.mongoCollection().findOneAndUpdate(Filters.eq("_id", sku), changes,
                        MongoSupport.RETURN_AFTER))
                .onItem().ifNull().failWith(() -> unknown(sku))
                .call(alerts::afterChange);
    }

    /** Receives or writes off stock; 409 when that would leave less than nothing available. */
    public Uni<Product> changeStock(String sku, StockChange change) {
        if (change.change() == 0) {
            return Uni.createFrom().failure(ProblemException.invalid("change", "must not be 0"));
        }
        return ledger.adjust(sku, change.change(), change.reason())
                .onItem().ifNull().switchTo(() -> products.findById(sku).map(product -> {
                    if (product == null) {
                        throw unknown(sku);
                    }
                    throw ProblemException.conflict("Cannot write off " + -change.change() + " of " + sku + ": only "
                            + product.available + " available");
                }))
                .call(alerts::afterChange);
    }

    public Uni<Reservation> reservation(String orderId) {
        return reservations.findById(orderId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No reservation for order " + orderId));
    }

    private static ProblemException unknown(String sku) {
        return ProblemException.notFound("No product with sku " + sku);
    }

}
