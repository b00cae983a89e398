package dev.orderflow.inventory;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.orderflow.common.testing.Tokens;
import dev.orderflow.inventory.repository.ProductRepository;
import dev.orderflow.inventory.repository.ReservationRepository;
import io.restassured.http.ContentType;

/** Test helpers: products made through the API, and the stored state read back. */
public final class Stock {

    static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private Stock() {
    }

    /** Adds a product with a fresh sku; returns the sku. */
    public static String newProduct(String name, long stock, long lowStockThreshold) {
        String sku = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        given().header(Tokens.bearer(Tokens.operator())).contentType(ContentType.JSON)
                .body(Map.of("sku", sku, "name", name, "category", "test", "unitPrice", new BigDecimal("10.00"), "currency",
                        "EUR",
                        "initialStock", stock, "lowStockThreshold", lowStockThreshold))
                .when().post("/products")
                .then().statusCode(201);
        return sku;
    }

    public static Product product(ProductRepository products, String sku) {
        return products.findById(sku).await().atMost(READ_TIMEOUT);
    }

    public static Reservation reservation(ReservationRepository reservations, String orderId) {
        return reservations.findById(orderId).await().atMost(READ_TIMEOUT);
    }

    /** The invariant: nothing negative, and every unit received is available, reserved or sold. */
    public static void assertConserved(Product product) {
        assertTrue(product.available >= 0 && product.reserved >= 0 && product.sold >= 0, product.sku + " went negative");
        assertEquals(product.received, product.available + product.reserved + product.sold, product.sku + " is not conserved");
        assertEquals(product.reserved, product.holds.stream().mapToLong(hold -> hold.quantity).sum(),
                product.sku + ": reserved differs from what the orders hold");
    }
}
