package dev.orderflow.notification.service;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orderflow.notification.DeliveryChannel;
import dev.orderflow.notification.config.NotificationConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;

/**
 * Notification's meter (docs/operations.md, "Watching"): {@code notifications} (tags {@code channel} log or email,
 * {@code outcome} sent or failed), counted when a notification is settled SENT or FAILED, a conditional update on the
 * claim that one worker makes. An event that arrives again once its notification is settled sends nothing and counts
 * nothing. A notification its channel refused (after the sender's retries) counts failed each time a handling of its
 * event gives up on it: the event is handled again (Messaging's retries, the broker's redeliveries up to the queue's
 * limit), which tries it again, and counts sent if it goes out then. One whose outcome is unknown (a timeout, a worker
 * that stopped) counts failed once: it is never sent again.
 */
// at start: its series exist from then on, at 0, for an alert on their first increase
@Startup
@ApplicationScoped
public class NotificationMetrics {

    private final MeterRegistry registry;

    public NotificationMetrics(MeterRegistry registry, NotificationConfig config) {
        this.registry = registry;
        // the configured channel's
        notifications(config.channel(), "sent");
        notifications(config.channel(), "failed");
    }

    void sent(DeliveryChannel channel) {
        notifications(channel, "sent").increment();
    }

    void failed(DeliveryChannel channel) {
        notifications(channel, "failed").increment();
    }

    private Counter notifications(DeliveryChannel channel, String outcome) {
        return Counter.builder("notifications").description("Notifications sent, or given up on, by channel")
                .tag("channel", channel == null ? "unknown" : channel.name().toLowerCase(Locale.ROOT))
                .tag("outcome", outcome).register(registry);
    }
}
