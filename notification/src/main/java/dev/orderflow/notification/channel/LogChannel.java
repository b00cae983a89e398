package dev.orderflow.notification.channel;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.orderflow.common.logging.Masked;
import dev.orderflow.notification.Notification;
import io.smallrye.mutiny.Uni;

/**
 * Writes a notification to the log: the channel of a machine without a mail server. The recipient is masked
 * ({@link Masked}), as in every log line; the subject and the text, which name no address, are written whole.
 */
@ApplicationScoped
public class LogChannel {

    private static final Logger LOG = Logger.getLogger(LogChannel.class);

    public Uni<Void> send(Notification notification) {
        LOG.infof("Notification %s of event %s%nTo: %s%nSubject: %s%n%n%s", notification.id, notification.eventId,
                Masked.email(notification.recipient), notification.subject, Masked.emailsIn(notification.body));
        return Uni.createFrom().voidItem();
    }
}
