package dev.orderflow.common.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Personal data as a log line may show it (docs/security.md, "Personal data"): an e-mail address keeps its first
 * character and its domain, {@code a***@example.com}, enough to tell a customer's notifications from an operator's
 * and to see a mistyped domain, not enough to write to the person. Postal addresses and names are never logged at all.
 * Every log call that could print an e-mail address goes through here, and so does free text that may quote one (an
 * SMTP server's error, an exception's message).
 */
public final class Masked {

    /** An e-mail address, loosely: what a mail server or a person would take for one, inside any text. */
    static final Pattern EMAIL = Pattern.compile("[^\\s@<>()\\[\\]\",;:]+@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)");

    private Masked() {
    }

    /** {@code ada@example.com} as {@code a***@example.com}; null stays null, and text without an @ is masked whole. */
    public static String email(String address) {
        if (address == null) {
            return null;
        }
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }

    /** {@code text} with every e-mail address in it masked as {@link #email} does. */
    public static String emailsIn(String text) {
        if (text == null || text.indexOf('@') < 0) {
            return text;
        }
        Matcher matcher = EMAIL.matcher(text);
        StringBuilder masked = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(masked, Matcher.quoteReplacement(email(matcher.group())));
        }
        return matcher.appendTail(masked).toString();
    }
}
