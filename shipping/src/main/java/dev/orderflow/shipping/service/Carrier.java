package dev.orderflow.shipping.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * A carrier shipping books parcels with.
 *
 * @param name the carrier's name, as replies and events show it
 * @param trackingPrefix what its tracking numbers start with
 * @param transitDays calendar days from booking to delivery
 */
public record Carrier(String name, String trackingPrefix, int transitDays) {

    static final int TRACKING_CHARACTERS = 10;
    private static final int BASE = 36;
    /** 36^10: as many tracking numbers as 10 digits or capital letters can write. */
    private static final long TRACKING_NUMBERS = 3_656_158_440_062_976L;

    /**
     * The tracking number of a shipment: the prefix and 10 digits or capital letters derived from the shipment id, so
     * the same shipment always gets the same number.
     */
    public String trackingNumber(String shipmentId) {
        long hash = ByteBuffer.wrap(sha256(shipmentId)).getLong();
        String characters = Long.toString(Long.remainderUnsigned(hash, TRACKING_NUMBERS), BASE).toUpperCase(Locale.ROOT);
        return trackingPrefix + "0".repeat(TRACKING_CHARACTERS - characters.length()) + characters;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
