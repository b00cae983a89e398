package dev.orderflow.notification.channel;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.orderflow.notification.Notification;
import io.smallrye.mutiny.Uni;

/** Writes a notification to the log, whole: the channel of a machine without a mail server. */
@ApplicationScoped
public class LogChannel {

    private static final Logger LOG = Logger.getLogger(LogChannel.class);

    public Uni<Void> send(Notification notification) {
        LOG.infof("Notification %s of event %s%nTo: %s%nSubject: %s%n%n%s", notification.id, notification.eventId,
                notification.recipient, notification.subject, notification.body);
        return Uni.createFrom().voidItem();
    }
}
