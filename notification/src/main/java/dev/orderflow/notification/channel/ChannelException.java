package dev.orderflow.notification.channel;

/**
 * A channel did not take a notification: the mail server refused it or could not be reached. Nothing went out, so it
 * may be tried again. (The mail client reports its failures as bare {@link Throwable}s, which retries would not see.)
 */
public class ChannelException extends RuntimeException {

    public ChannelException(String message, Throwable cause) {
        super(message, cause);
    }
}
