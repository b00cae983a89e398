package dev.orderflow.e2e;

import static dev.orderflow.e2e.Shop.awaitNotifications;
import static dev.orderflow.e2e.Shop.awaitSettled;
import static dev.orderflow.e2e.Shop.awaitStatus;
import static dev.orderflow.e2e.Shop.order;
import static dev.orderflow.e2e.Shop.payments;
import static dev.orderflow.e2e.Shop.place;
import static dev.orderflow.e2e.Shop.product;
import static dev.orderflow.e2e.Shop.reservation;
import static dev.orderflow.e2e.Shop.shipments;
import static dev.orderflow.e2e.Shop.shippedTo;
import static dev.orderflow.e2e.Shop.stock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.orderflow.tools.InvariantCheck;
import dev.orderflow.tools.auth.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Business scenarios on the whole system, five services as real processes on RabbitMQ and the embedded store: each
 * asserts the order's final state and what every service did about it.
 */
@ExtendWith(LocalSystem.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BusinessScenariosIT {

    @Test
    void anOrderThatGoesWellIsConfirmedWithStockSoldOneCaptureOneShipmentAndOneMail() {
        String laptop = product("laptop", 5);
        String mouse = product("mouse", 5);

        String id = place(order("tok_visa", laptop, mouse));
        JsonPath order = awaitStatus(id, "CONFIRMED");

        assertEquals(50.0f, order.getFloat("total"));
        assertStock(laptop, 4, 0, 1);
        assertStock(mouse, 4, 0, 1);
        assertEquals("COMMITTED", reservation(id).getString("status"));
        assertEquals(List.of("CAPTURED"), statuses(payments(id)));
        assertEquals(List.of("SCHEDULED"), statuses(shipments(id)));
        List<Map<String, Object>> mails = awaitNotifications(id, "order.confirmed");
        assertEquals(1, mails.size());
        assertEquals("SENT", mails.get(0).get("status"));
    }

    @Test
    void anOrderBeyondTheStockIsCancelledAndNothingIsCharged() {
        String scarce = product("scarce", 1);
        Map<String, Object> body = order("tok_visa", scarce);
        body.put("items", List.of(Map.of("sku", scarce, "quantity", 2)));

        String id = place(body);

        assertCancelled(id, "OUT_OF_STOCK");
        assertEquals(List.of(), payments(id), "nothing charged");
        assertStock(scarce, 1, 0, 0);
        awaitNotifications(id, "order.cancelled");
    }

    @Test
    void anOrderForAnUnknownProductIsCancelled() {
        String id = place(order("tok_visa", "no-such-product-" + UUID.randomUUID()));

        assertCancelled(id, "UNKNOWN_PRODUCT");
        assertEquals(List.of(), payments(id));
    }

    @Test
    void aDeclinedPaymentCancelsTheOrderAndReleasesTheStock() {
        String sku = product("declined", 3);

        String id = place(order("tok_decline", sku));

        assertCancelled(id, "CARD_DECLINED");
        assertStock(sku, 3, 0, 0);
        assertEquals("RELEASED", reservation(id).getString("status"));
        assertEquals(List.of("DECLINED"), statuses(payments(id)));
    }

    @Test
    void aDestinationShippingDoesNotServeRefundsThePaymentAndReleasesTheStock() {
        String sku = product("far-away", 3);

        String id = place(shippedTo(order("tok_visa", sku), "JP"));

        assertCancelled(id, "UNSUPPORTED_DESTINATION");
        assertEquals(List.of("REFUNDED"), statuses(payments(id)));
        assertStock(sku, 3, 0, 0);
        assertEquals("RELEASED", reservation(id).getString("status"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAddressTheCarrierRefusesRefundsThePaymentAndReleasesTheStock() {
        String sku = product("undeliverable", 3);
        Map<String, Object> order = order("tok_visa", sku);
        // the simulated carrier's undeliverable postal code (docs/architecture.md, "The carrier")
        ((Map<String, Object>) order.get("shippingAddress")).put("postalCode", "00000");

        String id = place(order);

        assertCancelled(id, "INVALID_ADDRESS");
        assertEquals(List.of("REFUNDED"), statuses(payments(id)));
        assertStock(sku, 3, 0, 0);
        assertEquals("RELEASED", reservation(id).getString("status"));
    }

    @Test
    void aCustomerCancellingBeforeShippingGetsEverythingUndone() {
        String sku = product("regret", 3);
        String id = place(order("tok_visa", sku));
        awaitStatus(id, "CONFIRMED");

        Shop.cancel(id).then().statusCode(202);

        assertCancelled(id, "CUSTOMER_CANCELLED");
        assertStock(sku, 3, 0, 0);
        assertEquals("RETURNED", reservation(id).getString("status"));
        assertEquals(List.of("REFUNDED"), statuses(payments(id)));
        assertEquals(List.of("CANCELLED"), statuses(shipments(id)));
    }

    @Test
    void theCarriersUpdatesShipThenDeliverTheOrderWhichCanNoLongerBeCancelled() {
        String id = place(order("tok_visa", product("parcel", 3)));
        awaitStatus(id, "CONFIRMED");

        Shop.carrier(id, "DISPATCHED");
        awaitStatus(id, "SHIPPED");
        Shop.cancel(id).then().statusCode(409);
        Shop.carrier(id, "IN_TRANSIT");
        Shop.carrier(id, "DELIVERED");
        awaitStatus(id, "DELIVERED");

        assertEquals(1, awaitNotifications(id, "order.shipped").size());
        assertEquals(1, awaitNotifications(id, "order.delivered").size());
        assertEquals(List.of("CAPTURED"), statuses(payments(id)));
    }

    @Test
    void fortyConcurrentOrdersForTenUnitsConfirmExactlyTen() throws Exception {
        String sku = product("last-ten", 10);
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<String> ids;
        try {
            List<CompletableFuture<String>> placed = IntStream.range(0, 40)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> place(order("tok_visa", sku)), clients)).toList();
            ids = placed.stream().map(CompletableFuture::join).toList();
        } finally {
            clients.shutdown();
        }

        List<JsonPath> settled = ids.stream().map(Shop::awaitSettled).toList();

        assertEquals(10, settled.stream().filter(order -> order.getString("status").equals("CONFIRMED")).count());
        assertEquals(30,
                settled.stream().filter(order -> "OUT_OF_STOCK".equals(order.getString("cancellationReason"))).count());
        assertStock(sku, 0, 0, 10);
    }

    @Test
    void theSameIdempotencyKeyPlacesOneOrder() {
        Map<String, Object> body = order("tok_visa", product("once", 3));
        String key = UUID.randomUUID().toString();

        String first = Shop.asCustomerOf(body).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post(Shop.ORDERS + "/orders").then().statusCode(202).extract().path("id");
        String second = Shop.asCustomerOf(body).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post(Shop.ORDERS + "/orders").then().statusCode(202).extract().path("id");

        assertEquals(first, second);
        awaitSettled(first);
        assertEquals(1, ((Number) Shop.asCustomerOf(body).queryParam("customerId", body.get("customerId")).when()
                .get(Shop.ORDERS + "/orders").then().statusCode(200).extract().path("total")).intValue());
        assertEquals(1, payments(first).size());
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void afterAllThatEveryInvariantHolds() {
        InvariantCheck.Report report = InvariantCheck.run(LocalSystem.endpoints(),
                LocalSystem.tokens().mint(Tokens.Role.OPERATOR, "invariant-check"), Duration.ofSeconds(60));

        assertTrue(report.holds(), report.describe());
    }

    private static void assertCancelled(String id, String reason) {
        JsonPath order = awaitStatus(id, "CANCELLED");
        assertEquals(reason, order.getString("cancellationReason"));
    }

    private static void assertStock(String sku, long available, long reserved, long sold) {
        JsonPath stock = stock(sku);
        assertEquals(List.of(available, reserved, sold),
                List.of(stock.getLong("available"), stock.getLong("reserved"), stock.getLong("sold")), sku);
    }

    private static List<String> statuses(List<Map<String, Object>> items) {
        return items.stream().map(item -> (String) item.get("status")).toList();
    }
}
