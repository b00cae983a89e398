package dev.orderflow.order.rest;

import static dev.orderflow.order.testing.Orders.awaitStatus;
import static dev.orderflow.order.testing.Orders.customerOf;
import static dev.orderflow.order.testing.Orders.order;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.orderflow.order.testing.FakeParticipants;
import dev.orderflow.order.testing.Orders;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/** Placing and reading orders: what the API accepts, refuses, and returns. */
@QuarkusTest
class OrderResourceTest {
    static final String PROBLEM = "application/problem+json";

    @RegisterExtension
    static final FakeParticipants participants = FakeParticipants.perClass();

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aPlacedOrderIsAcceptedPendingWhereLocationSays() {
        Map<String, Object> body = order("tok_visa", "laptop");
        String location = given().header(customerOf(body)).contentType(ContentType.JSON).body(body)
                .when().post("/orders")
                .then().statusCode(202)
                .body("status", equalTo("PENDING"))
                .body("total", nullValue())
                .body("history[0].outcome", equalTo("placed"))
                .extract().header("Location");

        given().when().get(location).then().statusCode(200).body("id", startsWith("ord-"));
    }

    @Test
    void theSameIdempotencyKeyAndBodyReturnTheFirstOrder() {
        Map<String, Object> body = order("tok_visa", "laptop");
        String key = UUID.randomUUID().toString();

        String first = given().header(customerOf(body)).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/orders").then().statusCode(202).header("Idempotent-Replayed", "false").extract().path("id");
        String second = given().header(customerOf(body)).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/orders").then().statusCode(202).header("Idempotent-Replayed", "true").extract().path("id");

        assertEquals(first, second);
        awaitStatus(first, "CONFIRMED");
        assertEquals(1, participants.commandsOf(first).stream().filter("inventory.reserve"::equals).count(), "one saga");
        given().queryParam("customerId", body.get("customerId")).when().get("/orders").then().body("total", equalTo(1));
    }

    @Test
    void theSameIdempotencyKeyWithAnotherBodyIsRefused() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = order("tok_visa", "laptop");
        given().header(customerOf(body)).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).when()
                .post("/orders").then()
                .statusCode(202);

        body.put("paymentMethod", "tok_decline");
        given().header(customerOf(body)).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .when().post("/orders")
                .then().statusCode(422).contentType(PROBLEM);
    }

    @Test
    void badOrdersAreRefusedNamingTheFieldAndNothingIsStored() {
        assertRefused(without("items"), "items");
        assertRefused(withItems(List.of()), "items");
        assertRefused(withItems(List.of(Map.of("sku", "laptop", "quantity", 0))), "items[0].quantity");
        assertRefused(withItems(List.of(Map.of("sku", "laptop", "quantity", 1001))), "items[0].quantity");
        assertRefused(withItems(List.of(Map.of("sku", "laptop", "quantity", "two"))), "items[0].quantity");
        assertRefused(withItems(List.of(Map.of("sku", "", "quantity", 1))), "items[0].sku");
        assertRefused(withItems(List.of(Map.of("sku", "laptop", "quantity", 1), Map.of("sku", "laptop", "quantity", 2))),
                "items[1].sku");
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(Map.of("sku", "sku-" + i, "quantity", 1));
        }
        assertRefused(withItems(tooMany), "items");
        assertRefused(with("customerEmail", "not-an-address"), "customerEmail");
        assertRefused(without("customerId"), "customerId");
        assertRefused(without("paymentMethod"), "paymentMethod");
        assertRefused(withAddress("city", null), "shippingAddress.city");
        assertRefused(withAddress("country", "France"), "shippingAddress.country");
        assertRefused(without("shippingAddress"), "shippingAddress");
    }

    @Test
    void anOrderIsReadExactlyAsItsContractSays() {
        assertRefused(withItems(List.of(Map.of("sku", "laptop", "quantity", 1.5))), "items[0].quantity");
        assertRefused(withItems(List.of(Map.of("sku", "laptop", "quantity", "2"))), "items[0].quantity");
        assertRefused(withItems(List.of(Map.of("sku", "not a sku!", "quantity", 1))), "items[0].sku");
        assertRefused(withItems(List.of(Map.of("sku", 7, "quantity", 1))), "items[0].sku");
        assertRefused(withItems(List.of(Map.of("sku", "laptop", "quantty", 1))), "items[0].quantty");
        assertRefused(withAddress("city", true), "shippingAddress.city");
        assertRefused(withAddress("name", "Ada\u0000Lovelace"), "shippingAddress.name");
        assertRefused(with("couponCode", "FREE"), "couponCode");
        assertRefused(with("customerId", 0), "customerId");
    }

    @Test
    void malformedJsonIsRefused() {
        given().header(customerOf(Map.of())).contentType(ContentType.JSON).body("{\"customerId\": ")
                .when().post("/orders")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void ordersAreListedNewestFirstByCustomerAndStatus() {
        Map<String, Object> body = order("tok_visa", "laptop");
        String confirmed = Orders.place(body);
        awaitStatus(confirmed, "CONFIRMED");
        body.put("paymentMethod", "tok_decline");
        String cancelled = Orders.place(body);
        awaitStatus(cancelled, "CANCELLED");

        given().queryParam("customerId", body.get("customerId")).when().get("/orders")
                .then().statusCode(200).body("total", equalTo(2)).body("items.id", contains(cancelled, confirmed));
        given().queryParam("customerId", body.get("customerId")).queryParam("status", "CONFIRMED").when().get("/orders")
                .then().body("items.id", contains(confirmed));
        given().queryParam("customerId", body.get("customerId")).queryParam("size", 1).queryParam("page", 1).when()
                .get("/orders")
                .then().body("items.id", contains(confirmed));
        given().queryParam("status", "LOST").when().get("/orders").then().statusCode(400).body("errors.field",
                hasItem("status"));
    }

    @Test
    void unknownOrdersAreNotFound() {
        given().when().get("/orders/ord-nothing").then().statusCode(404).contentType(PROBLEM);
        given().when().post("/orders/ord-nothing/cancel").then().statusCode(404).contentType(PROBLEM);
        given().when().get("/orders/ord-nothing/events").then().statusCode(404).contentType(PROBLEM);
    }

    private static void assertRefused(Map<String, Object> body, String field) {
        given().header(customerOf(body)).contentType(ContentType.JSON).body(body)
                .when().post("/orders")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem(field));
        if (body.get("customerId") != null) {
            given().queryParam("customerId", body.get("customerId")).when().get("/orders").then().body("total", equalTo(0));
        }
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = order("tok_visa", "laptop");
        body.put(field, value);
        return body;
    }

    private static Map<String, Object> without(String field) {
        Map<String, Object> body = order("tok_visa", "laptop");
        body.remove(field);
        return body;
    }

    private static Map<String, Object> withItems(List<?> items) {
        return with("items", items);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withAddress(String field, Object value) {
        Map<String, Object> body = order("tok_visa", "laptop");
        Map<String, Object> address = new HashMap<>((Map<String, Object>) body.get("shippingAddress"));
        address.put(field, value);
        body.put("shippingAddress", address);
        return body;
    }
}
