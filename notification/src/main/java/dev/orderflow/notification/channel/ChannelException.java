package dev.orderflow.notification.channel;

import dev.orderflow.common.logging.Masked;

/**
 * A channel did not take a notification: the mail server refused it or could not be reached. Nothing went out, so it
 * may be tried again. (The mail client reports its failures as bare {@link Throwable}s, which retries would not see.)
 */
public class ChannelException extends RuntimeException {

    public ChannelException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The mail server did not take the mail. A server's answer quotes the recipient ({@code 550 <ada@example.com>:
     * unknown user}), and this exception reaches the log lines of the stored failure and of the message handed back to
     * the broker: its message is the failure's with every address masked, and the failure, which says it whole, is not
     * kept as its cause.
     */
    public static ChannelException notTaken(Throwable failure) {
        return new ChannelException("the mail server did not take the mail: " + failure.getClass().getSimpleName() + ": "
                + Masked.emailsIn(failure.getMessage()), null);
    }
}
