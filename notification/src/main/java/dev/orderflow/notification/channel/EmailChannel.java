package dev.orderflow.notification.channel;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orderflow.notification.Notification;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;

/**
 * Sends a notification as a plain-text e-mail through the Quarkus mailer's SMTP server; the sender address is
 * {@code quarkus.mailer.from}. Completes once the server has accepted the mail, and fails with a
 * {@link ChannelException} when it did not.
 */
@ApplicationScoped
public class EmailChannel {

    /** Names the event in every mail, so that a mail in a mailbox can be traced back to its notification. */
    public static final String EVENT_HEADER = "X-Orderflow-Event-Id";

    private final ReactiveMailer mailer;

    public EmailChannel(ReactiveMailer mailer) {
        this.mailer = mailer;
    }

    public Uni<Void> send(Notification notification) {
        return mailer.send(Mail.withText(notification.recipient, notification.subject, notification.body)
                .addHeader(EVENT_HEADER, notification.eventId))
                .onFailure().transform(failure -> new ChannelException(
                        "the mail server did not take the mail: " + failure.getMessage(), failure));
    }
}
