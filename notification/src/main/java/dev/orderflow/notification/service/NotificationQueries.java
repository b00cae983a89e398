package dev.orderflow.notification.service;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orderflow.common.rest.Page;
import dev.orderflow.common.rest.ProblemException;
import dev.orderflow.common.security.Caller;
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

    /**
     * Notifications newest first, that match every filter given; a null filter matches all. A customer's listing has
     * only their own notifications ({@link Caller#listedCustomer}).
     */
    public Uni<Page<Notification>> list(Caller caller, String customerId, String orderId, String type,
            NotificationStatus status, int page, int size) {
        if (!caller.mayList(customerId)) {
            return Uni.createFrom().item(Page.empty(page, size));
        }
        var filter = Paging.filter().eq("customerId", caller.listedCustomer(customerId)).eq("orderId", orderId)
                .eq("type", type).eq("status", status);
        return Paging.page(storeRetry, notifications.find(filter.toDocument(), Paging.NEWEST_FIRST), page, size);
    }

    /** The notification, if the caller may see it; else 404, as for a notification that does not exist. */
    public Uni<Notification> get(Caller caller, String id) {
        return caller.ifSees(notifications.findById(id), notification -> notification.customerId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No notification with id " + id));
    }
}
