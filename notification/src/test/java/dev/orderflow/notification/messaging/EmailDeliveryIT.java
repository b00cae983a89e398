package dev.orderflow.notification.messaging;

import static dev.orderflow.notification.Events.DEADLINE;
import static dev.orderflow.notification.Events.confirmed;
import static dev.orderflow.notification.Events.emailOf;
import static dev.orderflow.notification.Events.newOrder;
import static dev.orderflow.notification.Events.publish;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.orderflow.common.testing.LaunchedService;
import dev.orderflow.common.testing.TestBroker;
import dev.orderflow.common.testing.Tokens;
import dev.orderflow.notification.Mailbox;
import dev.orderflow.notification.Mailbox.Mail;
import dev.orderflow.notification.SmtpServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** The built service sending e-mail over SMTP, to a real SMTP server in the test JVM. */
@QuarkusIntegrationTest
@TestProfile(LaunchedService.class)
@WithTestResource(SmtpServer.class)
class EmailDeliveryIT {

    @BeforeAll
    static void operatorByDefault() {
        // reads are an operator's: who may do what is NotificationAccessTest's
        Tokens.byDefault(Tokens.operator());
    }

    @RegisterExtension
    static final TestBroker broker = TestBroker.perClass();

    Mailbox mailbox;

    @Test
    void aConfirmedOrderIsMailedToTheCustomer() {
        String order = newOrder();

        String eventId = publish(broker, order, confirmed(order));

        List<Mail> mails = await().atMost(DEADLINE).until(() -> mailbox.of(eventId), received -> !received.isEmpty());
        assertEquals(1, mails.size(), "one mail for " + eventId);
        Mail mail = mails.get(0);
        assertEquals(List.of(emailOf(order)), mail.to());
        assertEquals("Your order " + order + " is confirmed", mail.subject());
        assertTrue(mail.text().contains("Total: 30.00 EUR"), mail.text());
        await().atMost(DEADLINE).untilAsserted(() -> given().queryParam("orderId", order).when().get("/notifications")
                .then().statusCode(200)
                .body("items.channel", contains("EMAIL"))
                .body("items.status", contains("SENT")));
    }
}
