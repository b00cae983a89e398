package dev.orderflow.notification.config;

import java.time.Duration;

import dev.orderflow.notification.DeliveryChannel;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where notifications go, and how long a worker may hold one while it sends it. */
@ConfigMapping(prefix = "notification")
public interface NotificationConfig {

    /**
     * {@code log} writes each notification to the log (no mail server needed); {@code email} sends it through the
     * Quarkus mailer's SMTP server ({@code quarkus.mailer.host}, {@code port}, {@code from}...).
     */
    @WithDefault("log")
    DeliveryChannel channel();

    /** Who is told that a product runs low. */
    @WithDefault("stock@orderflow.local")
    String operatorEmail();

    /**
     * How long a notification may stay SENDING since its latest attempt before a redelivered event takes its worker
     * for stopped, and records the outcome as unknown instead of sending again. It must be longer than one attempt
     * may last (the sender's timeout) plus the backoff before the next.
     */
    @WithDefault("60s")
    Duration lease();
}
