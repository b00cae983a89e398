package dev.orderflow.shipping.rest;

import static dev.orderflow.shipping.Shipments.book;
import static dev.orderflow.shipping.Shipments.newOrder;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.orderflow.common.testing.MessageProbe;
import dev.orderflow.common.testing.TestBroker;
import dev.orderflow.common.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Who may do what with shipments, every endpoint against no token, each role, and another customer's token: a
 * customer reads their own (another's shipment is answered as one that does not exist), an operator anyone's; only a
 * carrier reports a shipment's progress, and reads nothing.
 */
@QuarkusTest
class ShipmentAccessTest {

    static final String PROBLEM = "application/problem+json";
    static final String REPLY_TO = "shipping-access-" + UUID.randomUUID();

    @RegisterExtension
    static final TestBroker broker = TestBroker.perClass();
    static final MessageProbe replies = broker.probe("replies", REPLY_TO);

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aShipmentIsReadByItsCustomerAndOperatorsAndIsUnknownToOtherCustomers() {
        String order = newOrder();
        String id = book(broker, replies, REPLY_TO, order).shipmentId();
        String ada = customerOf(order);
        String bob = customerOf(newOrder());

        anonymous().get("/shipments/" + id).then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", "Bearer");
        as(Tokens.wrongIssuer(ada, "customer")).get("/shipments/" + id).then().statusCode(401).contentType(PROBLEM);
        as(Tokens.carrier()).get("/shipments/" + id).then().statusCode(403).contentType(PROBLEM);
        // answered as a shipment that does not exist is
        as(Tokens.customer(bob)).get("/shipments/shp-nothing").then().statusCode(404)
                .body("detail", equalTo("No shipment with id shp-nothing"));
        as(Tokens.customer(bob)).get("/shipments/" + id).then().statusCode(404).contentType(PROBLEM)
                .body("detail", equalTo("No shipment with id " + id));

        as(Tokens.customer(ada)).get("/shipments/" + id).then().statusCode(200).body("customerId", equalTo(ada));
        as(Tokens.operator()).get("/shipments/" + id).then().statusCode(200).body("customerId", equalTo(ada));
    }

    @Test
    void aCustomerListsOnlyTheirOwnShipmentsAndAnOperatorAnyones() {
        String adas = newOrder();
        String bobs = newOrder();
        book(broker, replies, REPLY_TO, adas);
        book(broker, replies, REPLY_TO, bobs);

        anonymous().get("/shipments").then().statusCode(401).contentType(PROBLEM);
        as(Tokens.carrier()).get("/shipments").then().statusCode(403).contentType(PROBLEM);

        as(Tokens.customer(customerOf(adas))).get("/shipments").then().statusCode(200)
                .body("items.customerId", everyItem(equalTo(customerOf(adas)))).body("total", equalTo(1));
        as(Tokens.customer(customerOf(adas))).queryParam("orderId", bobs).get("/shipments").then().statusCode(200)
                .body("total", equalTo(0));
        as(Tokens.operator()).queryParam("orderId", bobs).get("/shipments").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].customerId", equalTo(customerOf(bobs)));
    }

    @Test
    void onlyACarrierReportsAShipmentsProgress() {
        String order = newOrder();
        String id = book(broker, replies, REPLY_TO, order).shipmentId();
        String path = "/shipments/" + id + "/status";
        Map<String, String> dispatched = Map.of("status", "DISPATCHED");

        anonymous().contentType(ContentType.JSON).body(dispatched).put(path).then().statusCode(401).contentType(PROBLEM);
        // the shipment's own customer, another customer, an operator: only the carrier role may
        for (String token : new String[] { Tokens.customer(customerOf(order)), Tokens.customer(customerOf(newOrder())),
                Tokens.operator() }) {
            as(token).contentType(ContentType.JSON).body(dispatched).put(path).then().statusCode(403).contentType(PROBLEM);
        }
        as(Tokens.operator()).get("/shipments/" + id).then().body("status", equalTo("SCHEDULED"));

        as(Tokens.carrier()).contentType(ContentType.JSON).body(dispatched).put(path).then().statusCode(200)
                .body("status", equalTo("DISPATCHED"));
    }

    /** The customer the shipments of {@code Shipments.schedule} belong to. */
    private static String customerOf(String order) {
        return "customer-" + order;
    }

    private static RequestSpecification anonymous() {
        return given().noFilters();
    }

    private static RequestSpecification as(String token) {
        return given().header(Tokens.bearer(token));
    }
}
