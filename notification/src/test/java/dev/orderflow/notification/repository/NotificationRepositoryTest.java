package dev.orderflow.notification.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.mongodb.MongoWriteException;

import dev.orderflow.common.store.MongoSupport;
import dev.orderflow.notification.DeliveryChannel;
import dev.orderflow.notification.Draft;
import dev.orderflow.notification.Events;
import dev.orderflow.notification.Notification;
import io.quarkus.test.junit.QuarkusTest;

/** The store itself guarantees one notification per event: "at most once" rests on it. */
@QuarkusTest
class NotificationRepositoryTest {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    NotificationRepository notifications;

    @Test
    void theStoreRefusesASecondNotificationForAnEvent() {
        String eventId = Events.newOrder() + ":order.confirmed";
        notifications.persist(claimed(eventId)).await().atMost(TIMEOUT);

        MongoWriteException refused = assertThrows(MongoWriteException.class,
                () -> notifications.persist(claimed(eventId)).await().atMost(TIMEOUT));

        assertTrue(MongoSupport.isDuplicateKey(refused), refused.getMessage());
        assertEquals(1, Events.count(notifications, eventId));
    }

    private static Notification claimed(String eventId) {
        return Notification.claimed(new Draft(eventId, "order.confirmed", "ada@example.com", "c-1", "o-1", "subject", "body"),
                DeliveryChannel.EMAIL, Instant.now(), Instant.now().plusSeconds(60));
    }
}
