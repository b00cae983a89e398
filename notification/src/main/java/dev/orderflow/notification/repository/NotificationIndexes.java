package dev.orderflow.notification.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import dev.orderflow.common.store.StoreIndexes;
import io.smallrye.mutiny.Uni;

/**
 * The indexes notification needs, created at start-up before it consumes events
 * ({@link dev.orderflow.common.store.IndexesAtStart}). The unique index on {@code eventId} is what makes
 * a notification once per event: the first delivery of an event inserts its notification, a duplicate fails on it.
 */
@ApplicationScoped
public class NotificationIndexes implements StoreIndexes {

    private final NotificationRepository notifications;

    public NotificationIndexes(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    @Override
    public List<Uni<String>> indexes() {
        var collection = notifications.mongoCollection();
        return List.of(
                collection.createIndex(Indexes.ascending("eventId"), new IndexOptions().unique(true)),
                // the listings: newest first, of a customer, of an order, in a status, or all of them
                collection.createIndex(Indexes.compoundIndex(Indexes.ascending("customerId"),
                        Indexes.descending("createdAt", "_id"))),
                collection.createIndex(Indexes.compoundIndex(Indexes.ascending("orderId"),
                        Indexes.descending("createdAt", "_id"))),
                collection.createIndex(Indexes.compoundIndex(Indexes.ascending("status"),
                        Indexes.descending("createdAt", "_id"))),
                collection.createIndex(Indexes.descending("createdAt", "_id")));
    }
}
