package dev.orderflow.order.testing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.orderflow.common.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.http.Header;
import io.restassured.path.json.JsonPath;

/**
 * Orders as a client places and reads them, through the API: placed by their customer (the token's subject is the
 * order's customerId), read by whoever the test class calls as by default ({@link Tokens#byDefault}).
 */
public final class Orders {

    public static final Duration SETTLING = Duration.ofSeconds(30);

    private Orders() {
    }

    /** A valid order body for a fresh customer, with one line per sku (2 units each). */
    public static Map<String, Object> order(String paymentMethod, String... skus) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (String sku : skus) {
            items.add(Map.of("sku", sku, "quantity", 2));
        }
        Map<String, Object> address = new HashMap<>(
                Map.of("name", "Ada Lovelace", "line1", "12 rue de la Paix", "city", "Paris",
                        "postalCode", "75002", "country", "FR"));
        Map<String, Object> order = new HashMap<>();
        order.put("customerId", "customer-" + UUID.randomUUID());
        order.put("customerEmail", "ada@example.com");
        order.put("items", items);
        order.put("shippingAddress", address);
        order.put("paymentMethod", paymentMethod);
        return order;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> shippedTo(Map<String, Object> order, String country) {
        ((Map<String, Object>) order.get("shippingAddress")).put("country", country);
        return order;
    }

    /** The bearer token of the customer the order names (of a fresh one, when it names none). */
    public static Header customerOf(Map<String, Object> order) {
        return Tokens.bearer(Tokens.customer(order.get("customerId") instanceof String id ? id
                : "customer-" + UUID.randomUUID()));
    }

    /** Places the order as its customer; returns its id. */
    public static String place(Map<String, Object> order) {
        return given().header(customerOf(order)).contentType(ContentType.JSON).body(order)
                .when().post("/orders")
                .then().statusCode(202)
                .extract().path("id");
    }

    public static JsonPath get(String orderId) {
        return given().when().get("/orders/" + orderId).then().statusCode(200).extract().jsonPath();
    }

    /** Waits until the order is in the given status; returns it. */
    public static JsonPath awaitStatus(String orderId, String status) {
        await().atMost(SETTLING).until(() -> status.equals(get(orderId).getString("status")));
        return get(orderId);
    }
}
