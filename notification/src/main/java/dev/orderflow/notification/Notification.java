package dev.orderflow.notification;

import java.time.Instant;
import java.util.UUID;

import org.bson.codecs.pojo.annotations.BsonId;

import dev.orderflow.common.lease.Lease;
import io.quarkus.mongodb.panache.common.MongoEntity;

/**
 * The notification of one event: at most one per event ({@code eventId} has a unique index), which is what makes
 * "one notification per event" hold however often the event is delivered. A worker claims it (SENDING, under its
 * lease: common's {@code Lease}, {@link #leaseOwner} until {@link #leaseUntil}) before handing it to the channel,
 * refreshes the lease with each attempt, and settles it afterwards, giving the lease back; every change is one
 * conditional update on the status and the lease.
 */
@MongoEntity(collection = "notifications")
public class Notification {

    static final String ID_PREFIX = "ntf-";

    @BsonId
    public String id;
    /** The id of the event this notifies: its AMQP message id, stable across re-deliveries and re-publishing. */
    public String eventId;
    /** The event's type: order.confirmed, inventory.low-stock... */
    public String type;
    public DeliveryChannel channel;
    public String recipient;
    public String customerId;
    public String orderId;
    public String subject;
    public String body;

    public NotificationStatus status;
    /** Why a FAILED notification failed; null otherwise. */
    public Failure failure;
    public String lastError;
    /** How many times the notification was handed to the channel. */
    public int attempts;
    /** How many times its event arrived again once the notification was settled: nothing was sent for those. */
    public int duplicates;

    /** The worker holding a SENDING notification: only it may record attempts and settle the outcome. */
    public String leaseOwner;
    /**
     * When its lease runs out: a lease of the length {@code notification.lease} from the claim, or from its latest
     * attempt. A SENDING notification whose lease ran out was left by a worker that stopped.
     */
    public Instant leaseUntil;
    /** When the current claim began, or its latest attempt did, whichever is later. */
    public Instant attemptedAt;
    public Instant createdAt;
    public Instant sentAt;
    public Instant failedAt;
    public Instant updatedAt;

    /** Why a notification is FAILED, which decides whether its event's redelivery sends it again. */
    public enum Failure {
        /** the channel refused it, or could not be reached: nothing went out, so trying again is safe */
        NOT_ACCEPTED,
        /**
         * it may or may not have gone out (the worker stopped, or the mail server did not answer in time): it is never
         * sent again automatically, since a second e-mail cannot be taken back; an operator decides
         */
        OUTCOME_UNKNOWN
    }

    /** A new notification of the drafted event, claimed by a fresh worker under a lease that runs out at {@code until}. */
    public static Notification claimed(Draft draft, DeliveryChannel channel, Instant now, Instant until) {
        Notification notification = new Notification();
        notification.id = ID_PREFIX + UUID.randomUUID();
        notification.eventId = draft.eventId();
        notification.type = draft.type();
        notification.channel = channel;
        notification.recipient = draft.recipient();
        notification.customerId = draft.customerId();
        notification.orderId = draft.orderId();
        notification.subject = draft.subject();
        notification.body = draft.body();
        notification.status = NotificationStatus.SENDING;
        notification.leaseOwner = Lease.newOwner();
        notification.leaseUntil = until;
        notification.attempts = 1; // the first attempt follows at once (NotificationClaims.recordAttempt)
        notification.attemptedAt = now;
        notification.createdAt = now;
        notification.updatedAt = now;
        return notification;
    }
}
