package dev.orderflow.inventory.rest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import dev.orderflow.inventory.Product;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** A product as the API shows it. */
@RegisterForReflection
public record ProductView(String sku, String name, String description, String category, BigDecimal unitPrice, String currency,
        Stock stock, long lowStockThreshold, boolean lowStock, List<Movement> recentMovements, long version, Instant createdAt,
        Instant updatedAt) {

    /** The stock figures: received = available + reserved + sold. */
    @RegisterForReflection
    public record Stock(long received, long available, long reserved, long sold) {
    }

    /** A stock change made through the API. */
    @RegisterForReflection
    public record Movement(long change, String reason, Instant at) {
    }

    public static ProductView of(Product product) {
        List<Movement> movements = product.stockMovements.stream()
                .map(movement -> new Movement(movement.change, movement.reason, movement.at)).toList();
        return new ProductView(product.sku, product.name, product.description, product.category, product.unitPrice,
                product.currency, new Stock(product.received, product.available, product.reserved, product.sold),
                product.lowStockThreshold, product.available < product.lowStockThreshold, movements, product.version,
                product.createdAt, product.updatedAt);
    }
}
