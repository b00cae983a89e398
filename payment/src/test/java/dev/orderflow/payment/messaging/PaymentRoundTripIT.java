package dev.orderflow.payment.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.orderflow.common.testing.LaunchedService;
import dev.orderflow.common.testing.MessageProbe;
import dev.orderflow.common.testing.MessageProbe.Received;
import dev.orderflow.common.testing.TestBroker;
import dev.orderflow.common.testing.Tokens;
import dev.orderflow.contracts.payment.ChargePayment;
import dev.orderflow.contracts.payment.PaymentCharged;
import dev.orderflow.contracts.payment.PaymentDeclined;
import dev.orderflow.contracts.payment.PaymentRefunded;
import dev.orderflow.contracts.payment.RefundPayment;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** Charges and refunds sent to the built service through the broker; the payments they leave, read through the API. */
@QuarkusIntegrationTest
@TestProfile(LaunchedService.class)
class PaymentRoundTripIT {

    @BeforeAll
    static void operatorByDefault() {
        // reads are an operator's: who may do what is PaymentAccessTest's
        Tokens.byDefault(Tokens.operator());
    }

    static final String REPLY_TO = "payment-it-" + UUID.randomUUID();

    @RegisterExtension
    static final TestBroker broker = TestBroker.perClass();
    static final MessageProbe replies = broker.probe("replies", REPLY_TO);

    @Test
    void aChargeIsCapturedAndARefundGivesItBack() {
        String order = "order-" + UUID.randomUUID();

        PaymentCharged charged = send(order, "charge", charge(order, "tok_visa")).as(PaymentCharged.class);

        given().when().get("/payments/" + charged.paymentId())
                .then().statusCode(200)
                .body("status", equalTo("CAPTURED"))
                .body("amount", equalTo(129.9f))
                .body("orderId", equalTo(order));

        PaymentRefunded refunded = send(order, "refund", new RefundPayment(order)).as(PaymentRefunded.class);

        assertEquals(0, new BigDecimal("129.90").compareTo(refunded.amount()));
        given().queryParam("orderId", order).when().get("/payments")
                .then().statusCode(200)
                .body("items.status", contains("REFUNDED"));
    }

    @Test
    void aDeclinedCardIsDeclined() {
        String order = "order-" + UUID.randomUUID();

        PaymentDeclined declined = send(order, "charge", charge(order, "tok_decline")).as(PaymentDeclined.class);

        assertEquals(PaymentDeclined.Reason.CARD_DECLINED, declined.reason());
        given().queryParam("orderId", order).when().get("/payments")
                .then().statusCode(200)
                .body("items.status", contains("DECLINED"));
    }

    /**
     * The reason of a decline is in the provider's error body, which the HTTP client reads outside its methods'
     * signatures: in the native executable that takes its registration for reflection, without which every decline
     * became CARD_DECLINED.
     */
    @Test
    void aDeclineSaysWhyInTheProvidersWords() {
        String order = "order-" + UUID.randomUUID();

        PaymentDeclined declined = send(order, "charge", charge(order, "tok_insufficient_funds")).as(PaymentDeclined.class);

        assertEquals(PaymentDeclined.Reason.INSUFFICIENT_FUNDS, declined.reason());
    }

    private static ChargePayment charge(String order, String token) {
        return new ChargePayment(order, "customer-" + order, new BigDecimal("129.90"), "EUR", token);
    }

    private static Received send(String order, String action, Object command) {
        String messageId = order + ":" + action;
        broker.sendCommand(messageId, order, REPLY_TO, command);
        return replies.await(reply -> (messageId + ":reply").equals(reply.messageId()));
    }
}
