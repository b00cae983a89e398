package dev.orderflow.notification.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import dev.orderflow.common.lease.LeaseLostException;
import dev.orderflow.common.messaging.Envelope;
import dev.orderflow.notification.Notification;
import io.smallrye.mutiny.Uni;

/**
 * One notification per event, sent at most once.
 * <ol>
 * <li>The event is rendered ({@link Drafts}), then its notification claimed ({@link NotificationClaims}): inserted
 * SENDING, or, when the event came before, decided by {@link RedeliveryRule}: a SENT notification is acknowledged
 * without sending; one FAILED because the channel never accepted it is sent again; one still SENDING is either being
 * sent by another worker (this one waits, within the lease, then lets the broker redeliver) or was left by a worker
 * that stopped.</li>
 * <li>It is handed to the channel ({@link NotificationSender}: retries with backoff, bounded in time), then marked
 * SENT; the event is acknowledged after that.</li>
 * <li>When the retries are exhausted it is marked FAILED (not accepted) and the handling fails: the broker redelivers
 * the event, which tries again, up to the queue's delivery limit; then the event is parked in
 * {@code notification.events.dlq}.</li>
 * </ol>
 * The window between the channel accepting a mail and the notification being marked SENT (a crash, a store outage) is
 * settled on the side of at most once: a duplicate e-mail cannot be taken back, a missing one is visible here and can
 * be sent again by an operator. A redelivered event that finds its notification SENDING with no attempt within the
 * lease marks it FAILED, outcome unknown, and sends nothing; so does an attempt that timed out.
 */
@ApplicationScoped
public class NotificationService {

    private final Drafts drafts;
    private final NotificationClaims claims;
    private final NotificationSender sender;

    public NotificationService(Drafts drafts, NotificationClaims claims, NotificationSender sender) {
        this.drafts = drafts;
        this.claims = claims;
        this.sender = sender;
    }

    /** Notifies the event; completes once the notification is settled, or fails for the broker to redeliver it. */
    public Uni<Void> handle(Envelope<Object> event) {
        return Uni.createFrom().item(() -> drafts.of(event.messageId(), event.payload()))
                // another worker has it: it settles it within the lease, or is taken for stopped after it
                .chain(draft -> claims.waitingForOthers(Uni.createFrom().deferred(() -> claims.claim(draft))))
                .onItem().ifNotNull().transformToUni(this::send)
                .replaceWithVoid();
    }

    private Uni<Void> send(Notification claimed) {
        return sender.send(claimed).onItemOrFailure().transformToUni((ignored, failure) -> {
            if (failure == null) {
                return claims.sent(claimed);
            }
            if (failure instanceof LeaseLostException) {
                // another worker took this one for stopped and settled the notification: nothing left to do
                return Uni.createFrom().voidItem();
            }
            if (failure instanceof TimeoutException) {
                return claims.failed(claimed, Notification.Failure.OUTCOME_UNKNOWN,
                        "outcome unknown: the channel did not answer in time; not sent again, so that it is never sent twice");
            }
            return claims.failed(claimed, Notification.Failure.NOT_ACCEPTED, String.valueOf(failure.getMessage()))
                    .chain(() -> Uni.createFrom().failure(failure));
        });
    }
}
