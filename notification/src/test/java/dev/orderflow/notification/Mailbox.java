package dev.orderflow.notification;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;

import dev.orderflow.notification.channel.EmailChannel;

/** What the test mail server received, read as a customer would: by event, recipient, subject and text. */
public final class Mailbox {

    private final GreenMail server;

    Mailbox(GreenMail server) {
        this.server = server;
    }

    /** A received mail, decoded, its lines ended as in Java text. */
    public record Mail(String eventId, List<String> to, String from, String subject, String text) {
    }

    /** The mails received for the event, told apart by the header the service sets on each. */
    public List<Mail> of(String eventId) {
        return Arrays.stream(server.getReceivedMessages()).map(Mailbox::read)
                .filter(mail -> eventId.equals(mail.eventId())).toList();
    }

    private static Mail read(MimeMessage message) {
        try {
            String[] event = message.getHeader(EmailChannel.EVENT_HEADER);
            List<String> to = Arrays.stream(message.getAllRecipients()).map(Address::toString).toList();
            return new Mail(event == null ? null : event[0], to, message.getFrom()[0].toString(), message.getSubject(),
                    message.getContent().toString().replace("\r\n", "\n"));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("unreadable mail", e);
        }
    }
}
