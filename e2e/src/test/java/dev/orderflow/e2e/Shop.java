package dev.orderflow.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.orderflow.tools.auth.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The system as its users and operators see it: the five services' REST APIs, each request with the bearer token of
 * who makes it. A customer places its own orders (the order's customerId is its token's subject), reads and cancels
 * them; an operator manages the catalogue and reads across customers; the carrier reports a shipment's progress.
 */
final class Shop {

    static final String ORDERS = "http://localhost:8080";
    static final String INVENTORY = "http://localhost:8081";
    static final String PAYMENTS = "http://localhost:8082";
    static final String SHIPPING = "http://localhost:8083";
    static final String NOTIFICATIONS = "http://localhost:8084";
    static final Duration SETTLING = Duration.ofSeconds(60);
    static final Set<String> SETTLED = Set.of("CONFIRMED", "SHIPPED", "DELIVERED", "CANCELLED");

    /** The operator's and the carrier's names, their tokens' subject. */
    static final String OPERATOR = "e2e-operator";
    static final String CARRIER = "e2e-carrier";
    private static final Map<String, String> AUTHORIZATIONS = new ConcurrentHashMap<>();

    private Shop() {
    }

    /** A request by the operator. */
    static RequestSpecification asOperator() {
        return given().header("Authorization", authorization(Tokens.Role.OPERATOR, OPERATOR));
    }

    /** A request by the carrier. */
    static RequestSpecification asCarrier() {
        return given().header("Authorization", authorization(Tokens.Role.CARRIER, CARRIER));
    }

    /** A request by the customer {@code customerId}. */
    static RequestSpecification asCustomer(String customerId) {
        return given().header("Authorization", authorization(Tokens.Role.CUSTOMER, customerId));
    }

    /** A request by the customer whose order this is (the body's customerId). */
    static RequestSpecification asCustomerOf(Map<String, Object> order) {
        return asCustomer((String) order.get("customerId"));
    }

    /**
     * The Authorization header of a token for {@code subject} in {@code role}, minted once for the run (so good for
     * longer than any run takes).
     */
    static String authorization(Tokens.Role role, String subject) {
        return AUTHORIZATIONS.computeIfAbsent(role.claim() + " " + subject,
                key -> "Bearer " + LocalSystem.tokens().mint(role, subject, Duration.ofHours(4)));
    }

    /** A product with a fresh sku and this much stock, at 25.00 EUR. */
    static String product(String name, long stock) {
        String sku = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        asOperator().contentType(ContentType.JSON)
                .body(Map.of("sku", sku, "name", name, "category", "e2e", "unitPrice", new BigDecimal("25.00"), "currency",
                        "EUR",
                        "initialStock", stock, "lowStockThreshold", 0))
                .when().post(INVENTORY + "/products")
                .then().statusCode(201);
        return sku;
    }

    static JsonPath stock(String sku) {
        return asOperator().when().get(INVENTORY + "/products/" + sku).then().statusCode(200).extract().jsonPath()
                .setRootPath("stock");
    }

    /** An order of one unit of each sku, to a served French address. */
    static Map<String, Object> order(String paymentMethod, String... skus) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (String sku : skus) {
            items.add(Map.of("sku", sku, "quantity", 1));
        }
        Map<String, Object> order = new HashMap<>();
        order.put("customerId", "customer-" + UUID.randomUUID());
        order.put("customerEmail", "ada@example.com");
        order.put("items", items);
        order.put("shippingAddress", new HashMap<>(Map.of("name", "Ada Lovelace", "line1", "12 rue de la Paix", "city", "Paris",
                "postalCode", "75002", "country", "FR")));
        order.put("paymentMethod", paymentMethod);
        return order;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> shippedTo(Map<String, Object> order, String country) {
        ((Map<String, Object>) order.get("shippingAddress")).put("country", country);
        return order;
    }

    static Response post(Map<String, Object> order) {
        return asCustomerOf(order).contentType(ContentType.JSON).body(order).when().post(ORDERS + "/orders");
    }

    static String place(Map<String, Object> order) {
        return post(order).then().statusCode(202).extract().path("id");
    }

    /** The order as the operator reads it. */
    static JsonPath orderById(String id) {
        return asOperator().when().get(ORDERS + "/orders/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** Waits until the order's saga is over; returns the order. */
    static JsonPath awaitSettled(String id) {
        await().atMost(SETTLING).pollInterval(Duration.ofMillis(200))
                .until(() -> SETTLED.contains(orderById(id).getString("status")));
        return orderById(id);
    }

    static JsonPath awaitStatus(String id, String status) {
        await().atMost(SETTLING).pollInterval(Duration.ofMillis(200))
                .until(() -> status.equals(orderById(id).getString("status")));
        return orderById(id);
    }

    static List<Map<String, Object>> payments(String orderId) {
        return asOperator().queryParam("orderId", orderId).when().get(PAYMENTS + "/payments").then().statusCode(200).extract()
                .path("items");
    }

    static List<Map<String, Object>> shipments(String orderId) {
        return asOperator().queryParam("orderId", orderId).when().get(SHIPPING + "/shipments").then().statusCode(200).extract()
                .path("items");
    }

    static JsonPath reservation(String orderId) {
        return asOperator().when().get(INVENTORY + "/reservations/" + orderId).then().statusCode(200).extract().jsonPath();
    }

    /** The order's notifications of one type, once there is at least one (they follow the order's events). */
    static List<Map<String, Object>> awaitNotifications(String orderId, String type) {
        await().atMost(SETTLING).pollInterval(Duration.ofMillis(200)).until(() -> !notifications(orderId, type).isEmpty());
        return notifications(orderId, type);
    }

    static List<Map<String, Object>> notifications(String orderId, String type) {
        return asOperator().queryParam("orderId", orderId).queryParam("type", type)
                .when().get(NOTIFICATIONS + "/notifications").then().statusCode(200).extract().path("items");
    }

    /** The customer of the order cancels it; the answer. */
    static Response cancel(String orderId) {
        return asCustomer(orderById(orderId).getString("customerId")).when().post(ORDERS + "/orders/" + orderId + "/cancel");
    }

    /** The carrier reports an update on the order's shipment. */
    static void carrier(String orderId, String status) {
        String shipment = (String) shipments(orderId).get(0).get("id");
        asCarrier().contentType(ContentType.JSON).body(Map.of("status", status))
                .when().put(SHIPPING + "/shipments/" + shipment + "/status")
                .then().statusCode(200);
    }
}
