package dev.orderflow.notification.service;

import java.time.Instant;

import dev.orderflow.notification.Notification;

/**
 * What a worker does with an event whose notification exists already: the event was delivered before (a redelivery,
 * a re-publish, a copy handled at the same time). The rule sends at most once: whatever may have reached the mail
 * server is never sent again.
 */
public final class RedeliveryRule {

    public enum Action {
        /** the notification is settled (sent, or its outcome unknown): acknowledge the event, send nothing */
        ACKNOWLEDGE,
        /** the channel never accepted it: claim it and send it again */
        SEND_AGAIN,
        /** another worker is sending it right now: wait for it, and let the broker redeliver if waiting is not enough */
        WAIT,
        /**
         * its worker stopped while sending it (no attempt within the lease): the mail may have gone out, so record the
         * outcome as unknown and send nothing
         */
        GIVE_UP
    }

    private RedeliveryRule() {
    }

    public static Action decide(Notification existing, Instant now) {
        return switch (existing.status) {
            case SENT -> Action.ACKNOWLEDGE;
            case FAILED -> existing.failure == Notification.Failure.NOT_ACCEPTED ? Action.SEND_AGAIN : Action.ACKNOWLEDGE;
            case SENDING -> existing.leaseUntil != null && existing.leaseUntil.isAfter(now) ? Action.WAIT : Action.GIVE_UP;
        };
    }
}
