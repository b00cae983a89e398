package dev.orderflow.payment.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import java.math.BigDecimal;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.orderflow.common.testing.MessageProbe;
import dev.orderflow.common.testing.TestBroker;
import dev.orderflow.common.testing.Tokens;
import dev.orderflow.contracts.payment.ChargePayment;
import dev.orderflow.contracts.payment.PaymentCharged;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * Who may read payments, every endpoint against no token, each role, and another customer's token: a customer their
 * own (another's payment is answered as one that does not exist), an operator anyone's, a carrier none.
 */
@QuarkusTest
class PaymentAccessTest {

    static final String PROBLEM = "application/problem+json";
    static final String REPLY_TO = "payment-access-" + UUID.randomUUID();

    @RegisterExtension
    static final TestBroker broker = TestBroker.perClass();
    static final MessageProbe replies = broker.probe("replies", REPLY_TO);

    final String ada = "ada-" + UUID.randomUUID();
    final String bob = "bob-" + UUID.randomUUID();

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aPaymentIsReadByItsCustomerAndOperatorsAndIsUnknownToOtherCustomers() {
        String id = chargedFor(ada);

        anonymous().get("/payments/" + id).then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", "Bearer");
        as(Tokens.expired(ada, "customer")).get("/payments/" + id).then().statusCode(401).contentType(PROBLEM);
        as(Tokens.carrier()).get("/payments/" + id).then().statusCode(403).contentType(PROBLEM);
        // answered as a payment that does not exist is
        as(Tokens.customer(bob)).get("/payments/pay-nothing").then().statusCode(404)
                .body("detail", equalTo("No payment with id pay-nothing"));
        as(Tokens.customer(bob)).get("/payments/" + id).then().statusCode(404).contentType(PROBLEM)
                .body("detail", equalTo("No payment with id " + id));

        as(Tokens.customer(ada)).get("/payments/" + id).then().statusCode(200).body("customerId", equalTo(ada));
        as(Tokens.operator()).get("/payments/" + id).then().statusCode(200).body("customerId", equalTo(ada));
    }

    @Test
    void aCustomerListsOnlyTheirOwnPaymentsAndAnOperatorAnyones() {
        chargedFor(ada);
        chargedFor(bob);

        anonymous().get("/payments").then().statusCode(401).contentType(PROBLEM);
        as(Tokens.carrier()).get("/payments").then().statusCode(403).contentType(PROBLEM);

        as(Tokens.customer(ada)).get("/payments").then().statusCode(200)
                .body("items.customerId", everyItem(equalTo(ada))).body("total", equalTo(1));
        // naming another customer shows nothing, as for a customer without payments
        as(Tokens.customer(ada)).queryParam("customerId", bob).get("/payments").then().statusCode(200)
                .body("total", equalTo(0));
        as(Tokens.operator()).queryParam("customerId", bob).get("/payments").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].customerId", equalTo(bob));
    }

    @Test
    void aListingPageHoldsAtMost100Payments() {
        for (String token : new String[] { Tokens.customer(ada), Tokens.operator() }) {
            as(token).queryParam("size", 101).get("/payments").then().statusCode(400).contentType(PROBLEM)
                    .body("status", equalTo(400)).body("errors.field", contains("size"));
            as(token).queryParam("size", 100).get("/payments").then().statusCode(200).body("size", equalTo(100));
        }
    }

    /** Charges an order of the customer through the broker, as the saga does; returns the payment's id. */
    private static String chargedFor(String customerId) {
        String order = "order-" + UUID.randomUUID();
        String messageId = order + ":charge";
        broker.sendCommand(messageId, order, REPLY_TO,
                new ChargePayment(order, customerId, new BigDecimal("10.00"), "EUR", "tok_visa"));
        return replies.await(reply -> (messageId + ":reply").equals(reply.messageId())).as(PaymentCharged.class)
                .paymentId();
    }

    private static RequestSpecification anonymous() {
        return given().noFilters();
    }

    private static RequestSpecification as(String token) {
        return given().header(Tokens.bearer(token));
    }
}
