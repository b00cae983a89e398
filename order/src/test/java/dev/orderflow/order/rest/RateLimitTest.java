package dev.orderflow.order.rest;

import static dev.orderflow.order.testing.Orders.order;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.orderflow.common.testing.Tokens;
import dev.orderflow.order.testing.Orders;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/** POST /orders beyond a customer's allowance: 429, Retry-After, a problem, nothing stored; other customers go on. */
@QuarkusTest
@TestProfile(RateLimitTest.OnePerSecond.class)
class RateLimitTest {

    public static class OnePerSecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("order.rate-limit.per-customer", "0.2");
        }
    }

    @BeforeAll
    static void operatorByDefault() {
        // orders are placed by their customer (Orders.customerOf); the count of those stored is an operator's
        Tokens.byDefault(Tokens.operator());
    }

    @Test
    void aCustomersSecondOrderWithinItsIntervalIsRefusedAndNotStored() {
        Map<String, Object> first = order("tok_visa", "laptop");
        Map<String, Object> second = order("tok_visa", "laptop");
        second.put("customerId", first.get("customerId"));
        post(first).then().statusCode(202);
        long stored = stored();

        String retryAfter = post(second).then().statusCode(429)
                .contentType("application/problem+json")
                .body("status", equalTo(429))
                .body("title", equalTo("Too Many Requests"))
                .body("detail", startsWith("More than 0.2 orders a second for this customer"))
                .extract().header("Retry-After");
        // the allowance comes back 5 s after the first order: what is left of that, in whole seconds rounded up, which
        // depends on how long the first answer took
        int seconds = Integer.parseInt(retryAfter);
        assertTrue(seconds >= 1 && seconds <= 5, "Retry-After " + retryAfter);
        assertEquals(stored, stored(), "the refused order was not stored");

        post(order("tok_visa", "laptop")).then().statusCode(202);
    }

    private static io.restassured.response.Response post(Map<String, Object> order) {
        return given().header(Orders.customerOf(order)).contentType(ContentType.JSON).body(order).when().post("/orders");
    }

    private static long stored() {
        return given().when().get("/orders").then().statusCode(200).extract().jsonPath().getLong("total");
    }
}
