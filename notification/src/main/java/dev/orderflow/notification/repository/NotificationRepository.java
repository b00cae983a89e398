package dev.orderflow.notification.repository;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orderflow.common.store.StoreRetry;
import dev.orderflow.notification.Notification;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import io.smallrye.faulttolerance.api.ApplyGuard;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@ApplyGuard(StoreRetry.GUARD)
public class NotificationRepository implements ReactivePanacheMongoRepositoryBase<Notification, String> {

    /** The event's notification; null when the event was never handled. */
    public Uni<Notification> findByEvent(String eventId) {
        return find("eventId", eventId).firstResult();
    }
}
