package dev.orderflow.order.rest;

import static dev.orderflow.order.testing.Orders.awaitStatus;
import static dev.orderflow.order.testing.Orders.order;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.orderflow.order.IdempotencyKey;
import dev.orderflow.order.repository.IdempotencyKeyRepository;
import dev.orderflow.order.testing.FakeParticipants;
import dev.orderflow.order.testing.Orders;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** An Idempotency-Key is remembered for order.idempotency-keys.ttl (24 h here), then places a new order. */
@QuarkusTest
class IdempotencyKeyExpiryTest {

    @RegisterExtension
    static final FakeParticipants participants = FakeParticipants.perClass();

    @Inject
    IdempotencyKeyRepository keys;

    @Test
    void anIdempotencyKeyPastItsTimeToLivePlacesANewOrder() {
        String key = UUID.randomUUID().toString();
        IdempotencyKey old = new IdempotencyKey();
        old.key = key;
        old.orderId = "ord-long-gone";
        old.requestHash = "a request of yesterday";
        old.createdAt = Instant.now().minus(Duration.ofHours(25));
        keys.persist(old).await().atMost(Duration.ofSeconds(10));
        Map<String, Object> body = order("tok_visa", "laptop");

        String placed = given().header(Orders.customerOf(body)).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body)
                .when().post("/orders").then().statusCode(202).header("Idempotent-Replayed", "false").extract().path("id");
        String again = given().header(Orders.customerOf(body)).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(body)
                .when().post("/orders").then().statusCode(202).header("Idempotent-Replayed", "true").extract().path("id");

        assertNotEquals("ord-long-gone", placed, "the expired key's order is not replayed");
        assertEquals(placed, again, "the key now stands for the new order");
        awaitStatus(placed, "CONFIRMED");
    }
}
