package dev.orderflow.notification.channel;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orderflow.notification.Notification;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;

/**
 * Sends a notification as a plain-text e-mail through the Quarkus mailer's SMTP server; the sender address is
 * {@code quarkus.mailer.from}. Completes once the server has accepted the mail, and fails with a
 * {@link ChannelException} when it did not. Each send is a span ({@value #SPAN}) of the trace the notification is sent
 * in, naming the notification, not its recipient.
 */
@ApplicationScoped
public class EmailChannel {

    /** Names the event in every mail, so that a mail in a mailbox can be traced back to its notification. */
    public static final String EVENT_HEADER = "X-Orderflow-Event-Id";
    static final String SPAN = "smtp send";

    private final ReactiveMailer mailer;
    private final Tracer tracer;

    public EmailChannel(ReactiveMailer mailer, Tracer tracer) {
        this.mailer = mailer;
        this.tracer = tracer;
    }

    public Uni<Void> send(Notification notification) {
        return Uni.createFrom().deferred(() -> {
            Span span = tracer.spanBuilder(SPAN).setSpanKind(SpanKind.CLIENT)
                    .setAttribute("orderflow.notification.id", notification.id)
                    .setAttribute("orderflow.event.id", notification.eventId)
                    .startSpan();
            return mailer.send(Mail.withText(notification.recipient, notification.subject, notification.body)
                    .addHeader(EVENT_HEADER, notification.eventId))
                    .onTermination().invoke((sent, failure, cancelled) -> {
                        if (failure != null) {
                            span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
                        }
                        span.end();
                    });
        }).onFailure().transform(ChannelException::notTaken);
    }
}
