package dev.orderflow.notification.service;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import dev.orderflow.common.lease.LeaseLostException;
import dev.orderflow.notification.Notification;
import dev.orderflow.notification.channel.EmailChannel;
import dev.orderflow.notification.channel.LogChannel;
import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.mutiny.Uni;

/**
 * Hands a claimed notification to its channel. Each attempt is first recorded on the notification (which counts it,
 * refreshes the claim's lease, and stops a worker whose claim is gone from sending), then bounded in time; a failed
 * attempt (refused, server unreachable) is retried with backoff, since nothing went out.
 * <p>
 * An attempt cut off by the timeout is not retried: the server may have accepted the mail just as the wait ended, and
 * this service sends at most once. The settings below are production defaults; each one can be changed through
 * configuration ({@code quarkus.fault-tolerance."dev.orderflow.notification.service.NotificationSender/send".retry.max-retries}
 * and so on).
 */
@ApplicationScoped
public class NotificationSender {

    private final NotificationClaims claims;
    private final EmailChannel email;
    private final LogChannel log;

    public NotificationSender(NotificationClaims claims, EmailChannel email, LogChannel log) {
        this.claims = claims;
        this.email = email;
        this.log = log;
    }

    @AsynchronousNonBlocking
    @Timeout(value = 10, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 3, delay = 200, abortOn = { TimeoutException.class, LeaseLostException.class })
    @ExponentialBackoff(factor = 2, maxDelay = 2000)
    public Uni<Void> send(Notification claimed) {
        return claims.recordAttempt(claimed).chain(this::deliver);
    }

    private Uni<Void> deliver(Notification notification) {
        return switch (notification.channel) {
            case EMAIL -> email.send(notification);
            case LOG -> log.send(notification);
        };
    }
}
