package dev.orderflow.notification.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.orderflow.common.testing.Meters;
import dev.orderflow.common.testing.ShortFaultTolerance;
import dev.orderflow.common.testing.Tokens;
import dev.orderflow.notification.repository.NotificationIndexes;
import dev.orderflow.notification.repository.NotificationRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A store that stays unreachable makes an HTTP request fail with a 500 problem once the store's retry gave up: the real
 * driver, pointed at a port where nothing listens, selects no server within 200 ms, each attempt; the store's guard
 * ({@code "orderflow-store"}, on the repository) tries twice more, then the failure reaches the caller as a problem that
 * reveals nothing of it.
 * <p>
 * The service cannot start without its store: its indexes are made at start-up (IndexesAtStart), and the start fails
 * when one cannot be made. This profile leaves the indexes' bean out ({@code quarkus.arc.exclude-types}), nothing
 * else: the request goes through the same HTTP stack, security, repository and guard as in every other test.
 */
@QuarkusTest
@TestProfile(StoreUnreachableTest.NoStore.class)
class StoreUnreachableTest {

    static final String STORE = "quarkus.fault-tolerance.\"orderflow-store\".";
    static final String FIND_BY_ID = NotificationRepository.class.getName() + ".findById";

    public static class NoStore implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.mongodb.connection-string", "mongodb://127.0.0.1:" + ShortFaultTolerance.closedPort(),
                    "quarkus.mongodb.server-selection-timeout", "200ms",
                    "quarkus.mongodb.connect-timeout", "200ms",
                    "quarkus.arc.exclude-types", NotificationIndexes.class.getName(),
                    STORE + "retry.max-retries", "2",
                    STORE + "retry.delay", "10",
                    STORE + "retry.jitter", "0");
        }
    }

    @Inject
    MeterRegistry metrics;

    @Test
    void aStoreThatStaysUnreachableMakesTheRequestFailWithAProblemOnceItsRetryGaveUp() {
        double retries = Meters.count(metrics, "ft.retry.retries.total", "method", FIND_BY_ID);
        double gaveUp = Meters.count(metrics, "ft.retry.calls.total", "method", FIND_BY_ID, "retried", "true",
                "retryResult", "maxRetriesReached");

        given().header(Tokens.bearer(Tokens.customer("c-" + System.nanoTime())))
                .when().get("/notifications/ntf-1")
                .then().time(lessThan(10L), TimeUnit.SECONDS)
                .statusCode(500)
                .contentType("application/problem+json")
                .body("status", equalTo(500))
                .body("title", equalTo("Internal Server Error"))
                .body("detail", equalTo("The request could not be completed; the error is logged."))
                .body("instance", equalTo("/notifications/ntf-1"));

        assertEquals(2, Meters.count(metrics, "ft.retry.retries.total", "method", FIND_BY_ID) - retries,
                "the store's guard tried the read twice more");
        assertEquals(1, Meters.count(metrics, "ft.retry.calls.total", "method", FIND_BY_ID, "retried", "true",
                "retryResult", "maxRetriesReached") - gaveUp, "and then gave up");
    }
}
