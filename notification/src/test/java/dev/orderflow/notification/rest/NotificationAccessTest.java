package dev.orderflow.notification.rest;

import static dev.orderflow.notification.Events.awaitStored;
import static dev.orderflow.notification.Events.confirmed;
import static dev.orderflow.notification.Events.customerOf;
import static dev.orderflow.notification.Events.newOrder;
import static dev.orderflow.notification.Events.publish;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.orderflow.common.testing.TestBroker;
import dev.orderflow.common.testing.Tokens;
import dev.orderflow.notification.repository.NotificationRepository;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * Who may read notifications, every endpoint against no token, each role, and another customer's token: a customer
 * their own (another's notification is answered as one that does not exist), an operator all, a carrier none.
 */
@QuarkusTest
class NotificationAccessTest {

    static final String PROBLEM = "application/problem+json";

    @RegisterExtension
    static final TestBroker broker = TestBroker.perClass();

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Inject
    NotificationRepository notifications;

    @Test
    void aNotificationIsReadByItsCustomerAndOperatorsAndIsUnknownToOtherCustomers() {
        String order = newOrder();
        String id = notified(order);
        String ada = customerOf(order);
        String bob = customerOf(newOrder());

        anonymous().get("/notifications/" + id).then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", "Bearer");
        as(Tokens.badSignature(ada, "customer")).get("/notifications/" + id).then().statusCode(401).contentType(PROBLEM);
        as(Tokens.algNone(ada, "customer")).get("/notifications/" + id).then().statusCode(401).contentType(PROBLEM);
        as(Tokens.carrier()).get("/notifications/" + id).then().statusCode(403).contentType(PROBLEM);
        // answered as a notification that does not exist is
        as(Tokens.customer(bob)).get("/notifications/ntf-nothing").then().statusCode(404)
                .body("detail", equalTo("No notification with id ntf-nothing"));
        as(Tokens.customer(bob)).get("/notifications/" + id).then().statusCode(404).contentType(PROBLEM)
                .body("detail", equalTo("No notification with id " + id));

        as(Tokens.customer(ada)).get("/notifications/" + id).then().statusCode(200).body("customerId", equalTo(ada));
        as(Tokens.operator()).get("/notifications/" + id).then().statusCode(200).body("customerId", equalTo(ada));
    }

    @Test
    void aCustomerListsOnlyTheirOwnNotificationsAndAnOperatorAll() {
        String adas = newOrder();
        String bobs = newOrder();
        notified(adas);
        notified(bobs);
        String ada = customerOf(adas);
        String bob = customerOf(bobs);

        anonymous().get("/notifications").then().statusCode(401).contentType(PROBLEM);
        as(Tokens.carrier()).get("/notifications").then().statusCode(403).contentType(PROBLEM);

        as(Tokens.customer(ada)).get("/notifications").then().statusCode(200)
                .body("items.customerId", everyItem(equalTo(ada))).body("total", equalTo(1));
        // naming another customer shows nothing, as for a customer without notifications
        as(Tokens.customer(ada)).queryParam("customerId", bob).get("/notifications").then().statusCode(200)
                .body("total", equalTo(0));
        as(Tokens.operator()).queryParam("customerId", bob).get("/notifications").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].customerId", equalTo(bob));
    }

    /** The order's confirmation, notified as the event arrives; returns the notification's id. */
    private String notified(String order) {
        return awaitStored(notifications, publish(broker, order, confirmed(order)), notification -> true).id;
    }

    private static RequestSpecification anonymous() {
        return given().noFilters();
    }

    private static RequestSpecification as(String token) {
        return given().header(Tokens.bearer(token));
    }
}
