package dev.orderflow.order.rest;

import static dev.orderflow.order.testing.Orders.awaitStatus;
import static dev.orderflow.order.testing.Orders.order;
import static dev.orderflow.order.testing.Orders.place;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.orderflow.order.testing.FakeParticipants;
import dev.orderflow.order.testing.Orders;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Overload: with as many sagas under way as the service takes on, a new order is refused at once with 503 and
 * Retry-After, and nothing is stored; once a saga ends, orders are taken again.
 */
@QuarkusTest
@TestProfile(AdmissionTest.TakesTwo.class)
class AdmissionTest {

    public static class TakesTwo implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("order.admission.max-in-flight", "2", "order.admission.retry-after", "3s");
        }
    }

    @RegisterExtension
    static final FakeParticipants participants = FakeParticipants.perClass();

    @Test
    void beyondTheSagasItTakesOnAnOrderIsRefusedEarlyAndNothingIsStored() {
        // whatever earlier tests left under way ends within their 1 s deadlines
        await().atMost(Duration.ofSeconds(30)).until(() -> underWay() == 0);
        String first = place(order("tok_visa", "silent-item"));
        // an order stored while the store counts may count twice until the next count (the estimate errs over, a 503
        // stores nothing): the second is taken within a count or two
        Map<String, Object> second = order("tok_visa", "silent-item");
        await().atMost(Duration.ofSeconds(10)).until(() -> given().header(Orders.customerOf(second))
                .contentType(ContentType.JSON).body(second).when().post("/orders").statusCode() == 202);
        long stored = stored();

        Map<String, Object> refused = order("tok_visa", "laptop");
        given().header(Orders.customerOf(refused)).contentType(ContentType.JSON).body(refused)
                .when().post("/orders")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "3")
                .body("status", equalTo(503));
        assertEquals(stored, stored(), "the refused order was not stored");

        // the silent step times out (3 attempts of 1 s) and the saga compensates: the order is taken again
        awaitStatus(first, "CANCELLED");
        Map<String, Object> later = order("tok_visa", "laptop");
        await().atMost(Duration.ofSeconds(30)).until(() -> given().header(Orders.customerOf(later))
                .contentType(ContentType.JSON).body(later).when().post("/orders").statusCode() == 202);
    }

    private static long underWay() {
        return count("?status=PENDING") + count("?status=COMPENSATING");
    }

    private static long stored() {
        return count("");
    }

    private static long count(String query) {
        return given().when().get("/orders" + query).then().statusCode(200).extract().jsonPath().getLong("total");
    }
}
