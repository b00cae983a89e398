package dev.orderflow.order.saga;

import static dev.orderflow.common.testing.Meters.count;
import static dev.orderflow.order.testing.Orders.awaitStatus;
import static dev.orderflow.order.testing.Orders.order;
import static dev.orderflow.order.testing.Orders.place;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.orderflow.common.testing.Meters;
import dev.orderflow.contracts.shipping.ShipmentDelivered;
import dev.orderflow.order.testing.FakeParticipants;
import dev.orderflow.order.testing.Orders;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The order service's meters, moved by orders placed through the API and run over the real broker against stand-in
 * participants: each counted once per outcome, whatever is delivered twice.
 */
@QuarkusTest
class SagaMetricsTest {

    @RegisterExtension
    static final FakeParticipants participants = FakeParticipants.perClass();

    @Inject
    MeterRegistry registry;

    @BeforeEach
    void noOtherSagaUnderWay() {
        // the meters are the service's: an order of another test still under way would move them too
        await().atMost(Orders.SETTLING).until(() -> underWay("PENDING") + underWay("COMPENSATING") == 0);
    }

    @Test
    void aConfirmedOrderTimesEachStepOnceThoughEveryReplyCameTwice() {
        double placed = count(registry, "orders.placed");
        double reserved = stepCount("reserve-stock", "succeeded");
        double committed = stepCount("commit-stock", "succeeded");

        String id = place(order("tok_visa", "twice-item"));
        awaitStatus(id, "CONFIRMED");

        assertEquals(placed + 1, count(registry, "orders.placed"));
        await().atMost(Duration.ofSeconds(5)).until(() -> stepCount("commit-stock", "succeeded") == committed + 1);
        assertEquals(reserved + 1, stepCount("reserve-stock", "succeeded"), "the second reply changed nothing");
        String metrics = Meters.scrape();
        assertThat(metrics, containsString("orders_placed_total{application=\"order\"}"));
        assertThat(metrics, containsString(
                "saga_step_duration_seconds_bucket{application=\"order\",outcome=\"succeeded\",step=\"reserve-stock\",le=\""));
    }

    @Test
    void aCancelledOrderEndsOnceWithItsReasonAndItsDuration() {
        double ended = count(registry, "orders.ended", "status", "CANCELLED", "reason", "OUT_OF_STOCK");
        double timed = count(registry, "orders.duration", "status", "CANCELLED");
        double failed = stepCount("reserve-stock", "failed");

        String id = place(order("tok_visa", "out-of-stock-item"));
        awaitStatus(id, "CANCELLED");

        assertEquals(ended + 1, count(registry, "orders.ended", "status", "CANCELLED", "reason", "OUT_OF_STOCK"));
        assertEquals(timed + 1, count(registry, "orders.duration", "status", "CANCELLED"));
        assertEquals(failed + 1, stepCount("reserve-stock", "failed"));
        String metrics = Meters.scrape();
        assertThat(metrics, containsString(
                "orders_ended_total{application=\"order\",reason=\"OUT_OF_STOCK\",status=\"CANCELLED\"}"));
        assertThat(metrics, containsString("orders_duration_seconds_bucket{application=\"order\",status=\"CANCELLED\",le=\""));
    }

    @Test
    void aDeliveredOrderEndsOnceThoughItsDeliveryWasReportedTwice() {
        double ended = count(registry, "orders.ended", "status", "DELIVERED", "reason", "none");
        double timed = count(registry, "orders.duration", "status", "DELIVERED");
        String id = place(order("tok_visa", "laptop"));
        awaitStatus(id, "CONFIRMED");

        ShipmentDelivered delivered = new ShipmentDelivered(id, "shp-" + id, "ColiPoste", "CP0123456789", Instant.now());
        participants.broker().send("events", "shipment.delivered", "shp-" + id + ":delivered", id, null, delivered);
        participants.broker().send("events", "shipment.delivered", "shp-" + id + ":delivered", id, null, delivered);
        awaitStatus(id, "DELIVERED");

        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> count(registry, "orders.ended", "status", "DELIVERED", "reason", "none") == ended + 1);
        assertEquals(timed + 1, count(registry, "orders.duration", "status", "DELIVERED"));
    }

    @Test
    void aSilentStepIsSentAgainThenTimesOut() {
        double resent = count(registry, "saga.resends", "step", "reserve-stock");
        double timedOut = count(registry, "saga.timeouts", "step", "reserve-stock");
        double ended = count(registry, "orders.ended", "status", "CANCELLED", "reason", "TIMEOUT");

        String id = place(order("tok_visa", "silent-item"));
        awaitStatus(id, "CANCELLED");

        // three attempts (OrderSaga): two re-sends, then the step is given up
        assertEquals(resent + 2, count(registry, "saga.resends", "step", "reserve-stock"));
        assertEquals(timedOut + 1, count(registry, "saga.timeouts", "step", "reserve-stock"));
        assertEquals(ended + 1, count(registry, "orders.ended", "status", "CANCELLED", "reason", "TIMEOUT"));
        assertThat(Meters.scrape(), containsString("saga_timeouts_total{application=\"order\",step=\"reserve-stock\"}"));
    }

    private static int underWay(String status) {
        return given().queryParam("status", status).when().get("/orders").then().statusCode(200).extract()
                .path("items.size()");
    }

    private double stepCount(String step, String outcome) {
        return count(registry, "saga.step.duration", "step", step, "outcome", outcome);
    }
}
