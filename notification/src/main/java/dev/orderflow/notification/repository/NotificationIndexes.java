package dev.orderflow.notification.repository;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import dev.orderflow.common.store.MongoSupport;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * Creates notification's indexes before it starts consuming events. The unique index on {@code eventId} is what makes
 * a notification once per event: the first delivery of an event inserts its notification, a duplicate fails on it.
 */
@ApplicationScoped
public class NotificationIndexes {

    private static final Logger LOG = Logger.getLogger(NotificationIndexes.class);

    private final NotificationRepository notifications;

    public NotificationIndexes(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    void onStart(@Observes @Priority(MongoSupport.BEFORE_MESSAGING) StartupEvent start) {
        create().await().atMost(MongoSupport.INDEX_CREATION_TIMEOUT);
        LOG.debug("Indexes in place");
    }

    Uni<Void> create() {
        var collection = notifications.mongoCollection();
        return Uni.combine().all().unis(
                collection.createIndex(Indexes.ascending("eventId"), new IndexOptions().unique(true)),
                // the listings: newest first, of a customer, of an order, in a status, or all of them
                collection.createIndex(Indexes.compoundIndex(Indexes.ascending("customerId"),
                        Indexes.descending("createdAt", "_id"))),
                collection.createIndex(Indexes.compoundIndex(Indexes.ascending("orderId"),
                        Indexes.descending("createdAt", "_id"))),
                collection.createIndex(Indexes.compoundIndex(Indexes.ascending("status"),
                        Indexes.descending("createdAt", "_id"))),
                collection.createIndex(Indexes.descending("createdAt", "_id")))
                .discardItems();
    }
}
