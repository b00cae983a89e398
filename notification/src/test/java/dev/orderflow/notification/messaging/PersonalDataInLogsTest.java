package dev.orderflow.notification.messaging;

import static dev.orderflow.notification.Events.awaitStatus;
import static dev.orderflow.notification.Events.cancelled;
import static dev.orderflow.notification.Events.confirmed;
import static dev.orderflow.notification.Events.emailOf;
import static dev.orderflow.notification.Events.idOf;
import static dev.orderflow.notification.Events.newOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.orderflow.common.testing.LogLines;
import dev.orderflow.common.testing.TestBroker;
import dev.orderflow.contracts.order.OrderCancelled;
import dev.orderflow.contracts.order.OrderConfirmed;
import dev.orderflow.notification.NotificationStatus;
import dev.orderflow.notification.repository.NotificationRepository;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The customer's e-mail address appears in no log line, the log channel's included: it writes the recipient masked.
 * The notification itself, stored and served by the API, keeps the address whole.
 */
@QuarkusTest
class PersonalDataInLogsTest {

    /** An address in clear: a masked one has "***" before its @, which this does not match. */
    static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\\.[A-Za-z0-9.-]+");

    @RegisterExtension
    static final TestBroker broker = TestBroker.perClass();
    @RegisterExtension
    static final LogLines logs = LogLines.of("");

    @Inject
    NotificationRepository notifications;

    @Test
    void theLogChannelAndEveryOtherLineWriteTheRecipientMasked() {
        String order = newOrder();
        OrderConfirmed confirmation = confirmed(order);
        OrderCancelled cancellation = cancelled(order, "CUSTOMER_CANCELLED");
        broker.send("events", "order.confirmed", idOf(order, confirmation), order, null, confirmation);
        broker.send("events", "order.cancelled", idOf(order, cancellation), order, null, cancellation);

        assertEquals(emailOf(order), awaitStatus(notifications, idOf(order, confirmation), NotificationStatus.SENT).recipient,
                "the notification keeps the address it was sent to");
        awaitStatus(notifications, idOf(order, cancellation), NotificationStatus.SENT);

        List<LogLines.Line> channel = logs.lines(line -> line.logger().endsWith("LogChannel"));
        assertEquals(2, channel.size(), "the log channel wrote both notifications: " + channel);
        assertTrue(channel.get(0).message().contains("To: o***@example.com"), channel.get(0).message());
        List<String> unmasked = logs.lines(line -> true).stream().map(LogLines.Line::message)
                .filter(message -> message != null && EMAIL.matcher(message).find()).toList();
        assertEquals(List.of(), unmasked, "log lines with an e-mail address in clear");
    }
}
