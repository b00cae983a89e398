package dev.orderflow.notification.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.bson.conversions.Bson;
import org.jboss.logging.Logger;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import com.mongodb.client.result.UpdateResult;

import dev.orderflow.common.lease.Lease;
import dev.orderflow.common.lease.LeaseBusyException;
import dev.orderflow.common.lease.LeaseLostException;
import dev.orderflow.common.lease.LeaseWait;
import dev.orderflow.common.logging.Masked;
import dev.orderflow.common.store.MongoSupport;
import dev.orderflow.common.store.StoreRetry;
import dev.orderflow.notification.DeliveryChannel;
import dev.orderflow.notification.Draft;
import dev.orderflow.notification.Notification;
import dev.orderflow.notification.NotificationStatus;
import dev.orderflow.notification.config.NotificationConfig;
import dev.orderflow.notification.repository.NotificationRepository;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.faulttolerance.api.ApplyGuard;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;

/**
 * The stored life of a notification, each step one conditional update: a worker claims the event's notification
 * (the unique index on {@code eventId} lets one insert win), records each attempt while its claim holds, and settles
 * the outcome. An existing notification is handled by {@link RedeliveryRule}.
 */
@ApplicationScoped
public class NotificationClaims {

    /**
     * The retry of the "sent" update ({@link #sent}) after a failure while the store may have acted: 3 retries from
     * 50 ms, doubling. Each setting is a fault tolerance key, for instance
     * {@code quarkus.fault-tolerance."orderflow-notification-sent".retry.max-retries}; its {@code ft_*} metrics are
     * tagged {@code method="dev.orderflow.notification.service.NotificationClaims.sent"}.
     */
    public static final String SENT_RETRY = "orderflow-notification-sent";

    @Produces
    @Identifier(SENT_RETRY)
    static final Guard SENT = Guard.create()
            .withRetry().maxRetries(3).delay(50, ChronoUnit.MILLIS).jitter(25, ChronoUnit.MILLIS)
            .whenException(failure -> !StoreRetry.beforeTheStoreActed(failure))
            .withExponentialBackoff().factor(2).maxDelay(500, ChronoUnit.MILLIS).done()
            .done()
            .build();

    private static final Logger LOG = Logger.getLogger(NotificationClaims.class);

    private final NotificationRepository notifications;
    private final DeliveryChannel channel;
    private final Lease lease;
    private final NotificationMetrics metrics;
    private final Clock clock;
    private final StoreRetry storeRetry;
    /** The lease owners of notifications inserted by this worker whose first attempt the insert recorded. */
    private final Set<String> firstAttemptStored = ConcurrentHashMap.newKeySet();

    public NotificationClaims(NotificationRepository notifications, NotificationMetrics metrics, NotificationConfig config,
            Clock clock, StoreRetry storeRetry, LeaseWait leaseWait) {
        this.notifications = notifications;
        this.metrics = metrics;
        this.channel = config.channel();
        this.lease = new Lease(config.lease(), clock, storeRetry, leaseWait);
        this.clock = clock;
        this.storeRetry = storeRetry;
    }

    /**
     * Claims the event's notification for this worker: the claimed notification, or null when there is nothing to
     * send. Fails with {@link LeaseBusyException} while another worker holds it; waiting for that worker is
     * {@link #waitingForOthers}.
     */
    public Uni<Notification> claim(Draft draft) {
        Notification fresh = Notification.claimed(draft, channel, clock.instant(), lease.until());
        return notifications.persist(fresh)
                .invoke(() -> firstAttemptStored.add(fresh.leaseOwner))
                .onFailure(MongoSupport::isDuplicateKey)
                .recoverWithUni(() -> notifications.findByEvent(draft.eventId())
                        .onItem().ifNull().failWith(() -> new LeaseBusyException(draft.eventId()))
                        .chain(this::claimExisting));
    }

    /** Retries {@code attempt} while another worker holds the notification: it settles it, or its lease runs out. */
    public <T> Uni<T> waitingForOthers(Uni<T> attempt) {
        return lease.waitingForOthers(attempt);
    }

    /**
     * Counts an attempt and refreshes the lease; fails with {@link LeaseLostException} if the lease is gone. The first
     * attempt after an insert is recorded by the insert itself (one attempt, at the claim's instant, a fresh lease).
     */
    public Uni<Notification> recordAttempt(Notification claimed) {
        if (firstAttemptStored.remove(claimed.leaseOwner)) {
            return Uni.createFrom().item(claimed);
        }
        Instant now = clock.instant();
        return storeRetry.call(() -> notifications.mongoCollection().findOneAndUpdate(held(claimed),
                Updates.combine(Updates.inc("attempts", 1), Updates.set("attemptedAt", now), Updates.set("updatedAt", now),
                        lease.grant(claimed.leaseOwner)),
                MongoSupport.RETURN_AFTER))
                .onItem().ifNull().failWith(() -> new LeaseLostException(claimed.id));
    }

    /**
     * The channel took it. Recorded on the lease alone, whatever the status says meanwhile: it went out. Beyond the
     * store's retry, which makes it again when it failed before the store acted, a failure while the store may have
     * acted is retried here too ({@value #SENT_RETRY}), since a redelivery could only find the notification SENDING, and
     * give it up: the update is safe to repeat, as once made it gave the lease back, and a repeat matches nothing.
     */
    @ApplyGuard(SENT_RETRY)
    public Uni<Void> sent(Notification claimed) {
        Instant now = clock.instant();
        return storeRetry.call(() -> notifications.mongoCollection()
                .updateOne(Filters.and(Filters.eq("_id", claimed.id), Lease.heldBy(claimed.leaseOwner)),
                        Updates.combine(Updates.set("status", NotificationStatus.SENT), Updates.unset("failure"),
                                Updates.set("sentAt", now), Updates.set("updatedAt", now), Lease.giveBack())))
                .invoke(result -> countIf(result, () -> metrics.sent(claimed.channel)))
                .invoke(() -> LOG.infof("%s: %s notification %s sent to %s by %s", about(claimed), claimed.type, claimed.id,
                        Masked.email(claimed.recipient), claimed.channel))
                .replaceWithVoid();
    }

    /** The attempts failed; {@code failure} says whether a redelivery may send it again. */
    public Uni<Void> failed(Notification claimed, Notification.Failure failure, String error) {
        Instant now = clock.instant();
        return storeRetry.call(() -> notifications.mongoCollection()
                .updateOne(held(claimed), Updates.combine(Updates.set("status", NotificationStatus.FAILED),
                        Updates.set("failure", failure), Updates.set("lastError", error), Updates.set("failedAt", now),
                        Updates.set("updatedAt", now), Lease.giveBack())))
                .invoke(result -> countIf(result, () -> metrics.failed(claimed.channel)))
                .invoke(() -> LOG.warnf("%s: %s notification %s to %s failed (%s): %s", about(claimed), claimed.type,
                        claimed.id, Masked.email(claimed.recipient), failure, Masked.emailsIn(error)))
                .replaceWithVoid();
    }

    private Uni<Notification> claimExisting(Notification existing) {
        Instant now = clock.instant();
        return switch (RedeliveryRule.decide(existing, now)) {
            case ACKNOWLEDGE -> storeRetry.call(() -> notifications.mongoCollection()
                    .updateOne(Filters.eq("_id", existing.id), Updates.inc("duplicates", 1)))
                    .invoke(() -> LOG.debugf("Event %s arrived again; its notification %s is %s", existing.eventId,
                            existing.id, existing.status))
                    .replaceWith((Notification) null);
            case SEND_AGAIN -> storeRetry.call(() -> notifications.mongoCollection()
                    .findOneAndUpdate(unchanged(existing),
                            Updates.combine(Updates.set("status", NotificationStatus.SENDING), Updates.unset("failure"),
                                    lease.grant(Lease.newOwner()), Updates.set("attemptedAt", now),
                                    Updates.set("updatedAt", now)),
                            MongoSupport.RETURN_AFTER))
                    .onItem().ifNull().failWith(() -> new LeaseBusyException(existing.eventId));
            case WAIT -> Uni.createFrom().failure(new LeaseBusyException(existing.eventId));
            case GIVE_UP -> giveUp(existing, now);
        };
    }

    /** Its worker stopped in the middle of sending it: whether it went out is unknown, and it is not sent again. */
    private Uni<Notification> giveUp(Notification abandoned, Instant now) {
        String error = "outcome unknown: the worker sending it stopped (last attempt at " + abandoned.attemptedAt
                + "); not sent again, so that it is never sent twice";
        return storeRetry.call(() -> notifications.mongoCollection()
                .findOneAndUpdate(unchanged(abandoned),
                        Updates.combine(Updates.set("status", NotificationStatus.FAILED),
                                Updates.set("failure", Notification.Failure.OUTCOME_UNKNOWN), Updates.set("lastError", error),
                                Updates.set("failedAt", now), Updates.set("updatedAt", now), Lease.giveBack()),
                        MongoSupport.RETURN_AFTER))
                .onItem().ifNull().failWith(() -> new LeaseBusyException(abandoned.eventId))
                .invoke(settled -> metrics.failed(settled.channel))
                .invoke(settled -> LOG.warnf("%s: %s notification %s to %s given up: %s", about(settled), settled.type,
                        settled.id, Masked.email(settled.recipient), error))
                .replaceWith((Notification) null);
    }

    /** Counts a settlement this worker's update made (its claim held); one another worker made is that one's. */
    private static void countIf(UpdateResult result, Runnable count) {
        if (result.getMatchedCount() == 1) {
            count.run();
        }
    }

    /** What a log line is about: the order, or the event for an operator alert. */
    private static String about(Notification notification) {
        return notification.orderId != null ? "Order " + notification.orderId : "Event " + notification.eventId;
    }

    /** The notification as this worker holds it: SENDING, under its lease. */
    private static Bson held(Notification claimed) {
        return Filters.and(Filters.eq("_id", claimed.id), Filters.eq("status", NotificationStatus.SENDING),
                Lease.heldBy(claimed.leaseOwner));
    }

    /** The notification as it was read: nobody claimed, attempted or settled it since. */
    private static Bson unchanged(Notification seen) {
        return Filters.and(Filters.eq("_id", seen.id), Filters.eq("status", seen.status),
                Filters.eq(Lease.OWNER, seen.leaseOwner), Filters.eq("attempts", seen.attempts));
    }
}
