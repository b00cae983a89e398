package dev.orderflow.order.rest;

import static dev.orderflow.order.testing.Orders.order;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.orderflow.common.testing.Tokens;
import dev.orderflow.order.testing.EventStream;
import dev.orderflow.order.testing.FakeParticipants;
import dev.orderflow.order.testing.Orders;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Who may do what with orders, every endpoint against no token, each role, and another customer's token: a customer
 * places orders for themselves and reads, follows and cancels their own; another customer's order is answered as
 * one that does not exist; an operator reads and cancels any and places none; a carrier has no business here.
 */
@QuarkusTest
class OrderAccessTest {

    static final String PROBLEM = "application/problem+json";

    // Orders' helpers wait for a status as an operator, the participants' default caller; every request of a rule
    // names its caller
    @RegisterExtension
    static final FakeParticipants participants = FakeParticipants.perClass();

    final String ada = "ada-" + UUID.randomUUID();
    final String bob = "bob-" + UUID.randomUUID();

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void onlyACustomerPlacesAnOrderAndOnlyForThemselves() {
        Map<String, Object> adas = orderOf(ada);

        place(anonymous(), adas).then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", "Bearer");
        place(as(Tokens.operator()), adas).then().statusCode(403).contentType(PROBLEM);
        place(as(Tokens.carrier()), adas).then().statusCode(403).contentType(PROBLEM);
        place(as(Tokens.customer(bob)), adas).then().statusCode(403).contentType(PROBLEM);
        assertEquals(0, countOf(ada), "no refused order was stored");

        String id = place(as(Tokens.customer(ada)), adas).then().statusCode(202).body("customerId", equalTo(ada))
                .extract().path("id");
        assertEquals(1, countOf(ada));
        Orders.awaitStatus(id, "CONFIRMED");
    }

    @Test
    void anOrderIsReadByItsCustomerAndOperatorsAndIsUnknownToOtherCustomers() {
        String id = confirmedOrderOf(ada);
        String path = "/orders/" + id;

        anonymous().get(path).then().statusCode(401).contentType(PROBLEM);
        as(Tokens.carrier()).get(path).then().statusCode(403).contentType(PROBLEM);
        String unknown = as(Tokens.customer(bob)).get("/orders/ord-nothing").then().statusCode(404).extract().path("detail");
        as(Tokens.customer(bob)).get(path).then().statusCode(404).contentType(PROBLEM)
                .body("detail", equalTo(unknown.replace("ord-nothing", id)));

        as(Tokens.customer(ada)).get(path).then().statusCode(200).body("id", equalTo(id));
        as(Tokens.operator()).get(path).then().statusCode(200).body("id", equalTo(id));
    }

    @Test
    void aCustomerListsOnlyTheirOwnOrdersAndAnOperatorAnyones() {
        confirmedOrderOf(ada);
        confirmedOrderOf(bob);

        anonymous().get("/orders").then().statusCode(401).contentType(PROBLEM);
        as(Tokens.carrier()).get("/orders").then().statusCode(403).contentType(PROBLEM);

        as(Tokens.customer(ada)).get("/orders").then().statusCode(200)
                .body("items.customerId", everyItem(equalTo(ada))).body("total", equalTo(1));
        // naming another customer shows nothing, as for a customer without orders
        as(Tokens.customer(ada)).queryParam("customerId", bob).get("/orders").then().statusCode(200)
                .body("total", equalTo(0));
        as(Tokens.operator()).queryParam("customerId", bob).get("/orders").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].customerId", equalTo(bob));
    }

    @Test
    void anOrderIsFollowedByItsCustomerAndOperatorsAndIsUnknownToOtherCustomers() throws Exception {
        String id = confirmedOrderOf(ada);

        assertRefused(id, null, 401);
        assertRefused(id, Tokens.expired(ada, "customer"), 401);
        assertRefused(id, Tokens.carrier(), 403);
        assertRefused(id, Tokens.customer(bob), 404);
        for (String token : new String[] { Tokens.customer(ada), Tokens.operator() }) {
            try (EventStream stream = EventStream.open(id, token)) {
                assertEquals(200, stream.statusCode());
            }
        }
    }

    @Test
    void anOrderIsCancelledByItsCustomerOrAnOperatorAndIsUnknownToOtherCustomers() {
        String adas = confirmedOrderOf(ada);
        String other = confirmedOrderOf(ada);

        anonymous().post("/orders/" + adas + "/cancel").then().statusCode(401).contentType(PROBLEM);
        as(Tokens.carrier()).post("/orders/" + adas + "/cancel").then().statusCode(403).contentType(PROBLEM);
        as(Tokens.customer(bob)).post("/orders/" + adas + "/cancel").then().statusCode(404).contentType(PROBLEM);
        as(Tokens.operator()).get("/orders/" + adas).then().body("status", equalTo("CONFIRMED"));

        as(Tokens.customer(ada)).post("/orders/" + adas + "/cancel").then().statusCode(202);
        as(Tokens.operator()).post("/orders/" + other + "/cancel").then().statusCode(202);
        Orders.awaitStatus(adas, "CANCELLED");
        Orders.awaitStatus(other, "CANCELLED");
    }

    /**
     * An order of the customer, placed and CONFIRMED: no saga of this class is left under way, for the next class's
     * admission count (AdmissionTest).
     */
    private static String confirmedOrderOf(String customerId) {
        return Orders.awaitStatus(Orders.place(orderOf(customerId)), "CONFIRMED").getString("id");
    }

    private static void assertRefused(String orderId, String token, int status) throws Exception {
        try (EventStream stream = EventStream.open(orderId, token)) {
            assertEquals(status, stream.statusCode(), stream.body());
            assertEquals(PROBLEM, stream.header("Content-Type"));
        }
    }

    private static Map<String, Object> orderOf(String customerId) {
        Map<String, Object> order = order("tok_visa", "laptop");
        order.put("customerId", customerId);
        return order;
    }

    private static io.restassured.response.Response place(RequestSpecification caller, Map<String, Object> order) {
        return caller.contentType(ContentType.JSON).body(order).post("/orders");
    }

    private static long countOf(String customerId) {
        return as(Tokens.operator()).queryParam("customerId", customerId).get("/orders").then().statusCode(200)
                .extract().jsonPath().getLong("total");
    }

    private static RequestSpecification anonymous() {
        return given().noFilters();
    }

    private static RequestSpecification as(String token) {
        return given().header(Tokens.bearer(token));
    }
}
