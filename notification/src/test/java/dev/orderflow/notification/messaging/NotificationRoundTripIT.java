package dev.orderflow.notification.messaging;

import static dev.orderflow.notification.Events.DEADLINE;
import static dev.orderflow.notification.Events.cancelled;
import static dev.orderflow.notification.Events.confirmed;
import static dev.orderflow.notification.Events.delivered;
import static dev.orderflow.notification.Events.lowStock;
import static dev.orderflow.notification.Events.newOrder;
import static dev.orderflow.notification.Events.publish;
import static dev.orderflow.notification.Events.shipped;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.orderflow.common.testing.LaunchedService;
import dev.orderflow.common.testing.TestBroker;
import dev.orderflow.common.testing.Tokens;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;

/**
 * Events published to the built service through the broker: one notification each, written from the event type's
 * template and sent through the log, read back through the API.
 */
@QuarkusIntegrationTest
@TestProfile(LaunchedService.class)
class NotificationRoundTripIT {

    @BeforeAll
    static void operatorByDefault() {
        // reads are an operator's: who may do what is NotificationAccessTest's
        Tokens.byDefault(Tokens.operator());
    }

    @RegisterExtension
    static final TestBroker broker = TestBroker.perClass();

    @Test
    void everyOrderEventIsNotifiedFromItsTemplate() {
        String order = newOrder();
        Map<String, String> subjects = Map.of(
                publish(broker, order, confirmed(order)), "Your order " + order + " is confirmed",
                publish(broker, order, shipped(order)), "Your order " + order + " is on its way",
                publish(broker, order, delivered(order)), "Your order " + order + " is delivered");
        String cancelledOrder = newOrder();
        String cancellation = publish(broker, cancelledOrder, cancelled(cancelledOrder, "CARD_DECLINED"));

        subjects.forEach((eventId, subject) -> awaitSent("orderId", order, eventId).body("subject", equalTo(subject)));
        awaitSent("orderId", cancelledOrder, cancellation)
                .body("subject", equalTo("Your order " + cancelledOrder + " is cancelled"))
                .body("body", containsString("Your card was declined."))
                .body("recipient", equalTo(cancelledOrder + "@example.com"));
    }

    @Test
    void lowStockIsNotifiedToTheOperator() {
        String sku = "sku-" + UUID.randomUUID();
        String eventId = sku + ":low-stock:1";
        publish(broker, eventId, null, lowStock(sku));

        awaitSent("type", "inventory.low-stock", eventId)
                .body("subject", equalTo("Low stock: " + sku + " (Walnut desk)"))
                .body("recipient", equalTo("stock@orderflow.local"));
    }

    /** The event's notification, found in the listing filtered as given, once it is sent. */
    private static ValidatableResponse awaitSent(String filter, String value, String eventId) {
        String id = await().atMost(DEADLINE).until(() -> given().queryParam(filter, value).queryParam("size", 100)
                .when().get("/notifications")
                .then().statusCode(200).extract()
                .<String> path("items.find { it.eventId == '" + eventId + "' && it.status == 'SENT' }.id"),
                found -> found != null);
        return given().when().get("/notifications/" + id).then().statusCode(200)
                .body("eventId", equalTo(eventId))
                .body("channel", equalTo("LOG"));
    }
}
