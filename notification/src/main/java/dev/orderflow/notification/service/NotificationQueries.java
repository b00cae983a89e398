package dev.orderflow.notification.service;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orderflow.common.rest.Page;
import dev.orderflow.common.rest.ProblemException;
import dev.orderflow.common.store.Paging;
import dev.orderflow.common.store.StoreRetry;
import dev.orderflow.notification.Notification;
import dev.orderflow.notification.NotificationStatus;
import dev.orderflow.notification.repository.NotificationRepository;
import io.smallrye.mutiny.Uni;

/** Notifications as operators and support look them up. */
@ApplicationScoped
public class NotificationQueries {

    private final NotificationRepository notifications;
    private final StoreRetry storeRetry;

    public NotificationQueries(NotificationRepository notifications, StoreRetry storeRetry) {
        this.notifications = notifications;
        this.storeRetry = storeRetry;
    }

    /** Notifications newest first, that match every filter given; a null filter matches all. */
    public Uni<Page<Notification>> list(String customerId, String orderId, String type, NotificationStatus status,
            int page, int size) {
        var filter = Paging.filter().eq("customerId", customerId).eq("orderId", orderId).eq("type", type)
                .eq("status", status);
        return Paging.page(storeRetry, notifications.find(filter.toDocument(), Paging.NEWEST_FIRST), page, size);
    }

    public Uni<Notification> get(String id) {
        return notifications.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No notification with id " + id));
    }
}
