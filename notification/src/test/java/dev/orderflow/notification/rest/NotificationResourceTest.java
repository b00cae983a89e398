package dev.orderflow.notification.rest;

import static dev.orderflow.notification.Events.awaitStatus;
import static dev.orderflow.notification.Events.delivered;
import static dev.orderflow.notification.Events.newOrder;
import static dev.orderflow.notification.Events.publish;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.orderflow.common.testing.TestBroker;
import dev.orderflow.common.testing.Tokens;
import dev.orderflow.notification.DeliveryChannel;
import dev.orderflow.notification.Draft;
import dev.orderflow.notification.Notification;
import dev.orderflow.notification.NotificationStatus;
import dev.orderflow.notification.repository.NotificationRepository;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;

/** The notifications API: listings with their filters and pages, one notification, and the refusals. */
@QuarkusTest
class NotificationResourceTest {

    @BeforeAll
    static void operatorByDefault() {
        // reads are an operator's: who may do what is NotificationAccessTest's
        Tokens.byDefault(Tokens.operator());
    }

    static final String PROBLEM = "application/problem+json";
    static final Instant START = Instant.parse("2030-01-02T10:00:00Z");

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Inject
    NotificationRepository notifications;

    @Test
    void anEventIsNotifiedThroughTheLogByDefault() throws Exception {
        String order = newOrder();
        String eventId;
        try (TestBroker broker = TestBroker.connect()) {
            eventId = publish(broker, order, delivered(order));
        }

        Notification sent = awaitStatus(notifications, eventId, NotificationStatus.SENT);

        given().when().get("/notifications/" + sent.id)
                .then().statusCode(200)
                .body("eventId", equalTo(eventId))
                .body("type", equalTo("order.delivered"))
                .body("channel", equalTo("LOG"))
                .body("status", equalTo("SENT"))
                .body("orderId", equalTo(order))
                .body("recipient", equalTo(order + "@example.com"))
                .body("subject", equalTo("Your order " + order + " is delivered"))
                .body("attempts", equalTo(1))
                .body("failure", nullValue())
                .body("timeline.sent", not(nullValue()))
                .body("$", not(hasKey("leaseOwner")));
    }

    @Test
    void listingFiltersByCustomerOrderTypeAndStatus() {
        String customer = "customer-" + UUID.randomUUID();
        String order = newOrder();
        Notification confirmed = store(customer, order, "order.confirmed", NotificationStatus.SENT, 0);
        Notification shipped = store(customer, order, "order.shipped", NotificationStatus.FAILED, 1);
        Notification other = store(customer, newOrder(), "order.confirmed", NotificationStatus.SENT, 2);

        list("customerId", customer).body("total", equalTo(3))
                .body("items.id", contains(other.id, shipped.id, confirmed.id));
        list("customerId", customer, "orderId", order).body("total", equalTo(2))
                .body("items.id", contains(shipped.id, confirmed.id));
        list("customerId", customer, "type", "order.confirmed").body("items.id", contains(other.id, confirmed.id));
        list("customerId", customer, "status", "FAILED").body("items.id", contains(shipped.id))
                .body("items[0].failure", equalTo("NOT_ACCEPTED"));
        list("orderId", order, "type", "order.delivered").body("total", equalTo(0)).body("items", empty());
    }

    @Test
    void listingPagesNewestFirstWithTheTotal() {
        String customer = "customer-" + UUID.randomUUID();
        List<String> newestFirst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            newestFirst.add(0, store(customer, newOrder(), "order.confirmed", NotificationStatus.SENT, i).id);
        }

        given().queryParam("customerId", customer).queryParam("size", 2).queryParam("page", 1)
                .when().get("/notifications")
                .then().statusCode(200)
                .body("total", equalTo(5))
                .body("page", equalTo(1))
                .body("size", equalTo(2))
                .body("items.id", equalTo(newestFirst.subList(2, 4)));
        given().queryParam("customerId", customer).queryParam("size", 2).queryParam("page", 2)
                .when().get("/notifications")
                .then().statusCode(200)
                .body("items.id", equalTo(newestFirst.subList(4, 5)));
        given().queryParam("customerId", customer)
                .when().get("/notifications")
                .then().statusCode(200)
                .body("size", equalTo(20))
                .body("items.id", equalTo(newestFirst));
    }

    @Test
    void unknownNotificationsAreNotFound() {
        given().when().get("/notifications/ntf-nothing-like-this")
                .then().statusCode(404).contentType(PROBLEM)
                .body("status", equalTo(404))
                .body("detail", equalTo("No notification with id ntf-nothing-like-this"));
    }

    @Test
    void listingParametersAreChecked() {
        given().queryParam("status", "DELIVERED").when().get("/notifications")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", contains("status"))
                .body("errors.detail", hasItem("must be one of [SENDING, SENT, FAILED]"));
        given().queryParam("size", 0).when().get("/notifications")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", contains("size"));
        given().queryParam("size", 101).when().get("/notifications")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", contains("size"));
        given().queryParam("page", -1).when().get("/notifications")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", contains("page"));
    }

    /** A notification stored as the service stores them, created {@code minutesLater} after the start. */
    private Notification store(String customerId, String orderId, String type, NotificationStatus status,
            int minutesLater) {
        Instant at = START.plus(Duration.ofMinutes(minutesLater));
        Draft draft = new Draft(orderId + ":" + type, type, "ada@example.com", customerId, orderId, "subject", "body");
        Notification notification = Notification.claimed(draft, DeliveryChannel.EMAIL, at, at.plusSeconds(60));
        notification.status = status;
        notification.attempts = 1;
        if (status == NotificationStatus.FAILED) {
            notification.failure = Notification.Failure.NOT_ACCEPTED;
            notification.lastError = "the mail server did not take the mail";
            notification.failedAt = at;
        } else {
            notification.sentAt = at;
        }
        return notifications.persist(notification).await().atMost(Duration.ofSeconds(10));
    }

    private static ValidatableResponse list(String... parameters) {
        var request = given();
        for (int i = 0; i < parameters.length; i += 2) {
            request.queryParam(parameters[i], parameters[i + 1]);
        }
        return request.when().get("/notifications").then().statusCode(200);
    }
}
