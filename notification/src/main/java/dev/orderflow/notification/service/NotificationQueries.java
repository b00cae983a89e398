package dev.orderflow.notification.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.Document;

import dev.orderflow.common.rest.Page;
import dev.orderflow.common.rest.ProblemException;
import dev.orderflow.notification.NotificationStatus;
import dev.orderflow.notification.repository.NotificationRepository;
import dev.orderflow.notification.rest.NotificationView;
import io.smallrye.mutiny.Uni;

/** Notifications as operators and support look them up. */
@ApplicationScoped
public class NotificationQueries {

    /** Newest first; the id breaks ties, so pages neither repeat nor skip a notification. */
    static final Document NEWEST_FIRST = new Document("createdAt", -1).append("_id", -1);

    private final NotificationRepository notifications;

    public NotificationQueries(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    /** The notifications that match every filter given; a null filter matches all. */
    public Uni<Page<NotificationView>> list(String customerId, String orderId, String type, NotificationStatus status,
            int page, int size) {
        Document query = new Document();
        appendIfPresent(query, "customerId", customerId);
        appendIfPresent(query, "orderId", orderId);
        appendIfPresent(query, "type", type);
        appendIfPresent(query, "status", status == null ? null : status.name());
        var found = notifications.find(query, NEWEST_FIRST);
        return Uni.combine().all()
                .unis(found.page(io.quarkus.panache.common.Page.of(page, size)).list(), found.count())
                .with((items, total) -> new Page<>(items.stream().map(NotificationView::of).toList(), page, size, total));
    }

    public Uni<NotificationView> get(String id) {
        return notifications.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No notification with id " + id))
                .map(NotificationView::of);
    }

    private static void appendIfPresent(Document query, String field, String value) {
        if (value != null && !value.isBlank()) {
            query.append(field, value);
        }
    }
}
