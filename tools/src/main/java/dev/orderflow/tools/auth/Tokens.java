package dev.orderflow.tools.auth;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Mints the bearer tokens the services take, signed with the local run's private key ({@link SigningKeys}): RS256
 * JWTs with {@code iss}, {@code sub} and {@code upn} (the subject: a customer's id, or an operator's or carrier's name),
 * {@code groups} (the one role), {@code iat}, {@code exp} and {@code jti}, as MicroProfile JWT reads them. For a person
 * on one machine, the load harness, the invariant checker and the end-to-end tests; production tokens come from an
 * identity provider (docs/security.md).
 */
public final class Tokens {

    /** The issuer the local run's services expect ({@code mp.jwt.verify.issuer}). */
    public static final String LOCAL_ISSUER = "orderflow-local";
    public static final Duration DEFAULT_TTL = Duration.ofHours(1);

    /** The roles the services know, as the {@code groups} claim names them. */
    public enum Role {
        /** Places orders for itself and reads its own orders, payments, shipments and notifications. */
        CUSTOMER,
        /** Reads across customers, manages the catalogue and stock, cancels any order. */
        OPERATOR,
        /** Reports a shipment's progress. */
        CARRIER;

        public String claim() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The role named so in the {@code groups} claim (customer, operator, carrier). */
        public static Role of(String claim) {
            for (Role role : values()) {
                if (role.claim().equals(claim)) {
                    return role;
                }
            }
            throw new IllegalArgumentException("no role '" + claim + "': customer, operator or carrier");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String HEADER = BASE64URL
            .encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));

    private final RSAPrivateKey key;
    private final String issuer;
    private final Clock clock;

    public Tokens(RSAPrivateKey key, String issuer, Clock clock) {
        this.key = key;
        this.issuer = issuer;
        this.clock = clock;
    }

    /** Tokens of the issuer {@code issuer}, signed with the PKCS#8 PEM private key in {@code privateKey}. */
    public static Tokens signedWith(Path privateKey, String issuer) {
        return new Tokens(SigningKeys.readPrivate(privateKey), issuer, Clock.systemUTC());
    }

    /** The local run's tokens: its private key in {@code <run dir>/keys}, its issuer. */
    public static Tokens ofLocalRun(Path runDirectory) {
        return signedWith(runDirectory.resolve("keys").resolve(SigningKeys.PRIVATE_KEY), LOCAL_ISSUER);
    }

    /** A token for {@code subject} in {@code role}, good for {@code ttl}. */
    public String mint(Role role, String subject, Duration ttl) {
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("a token needs a subject");
        }
        long now = clock.instant().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("groups", List.of(role.claim()));
        claims.put("iat", now);
        claims.put("exp", now + ttl.toSeconds());
        claims.put("jti", UUID.randomUUID().toString());
        String signingInput;
        try {
            signingInput = HEADER + "." + BASE64URL.encodeToString(JSON.writeValueAsBytes(claims));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    /** A token for {@code subject} in {@code role}, good for an hour. */
    public String mint(Role role, String subject) {
        return mint(role, subject, DEFAULT_TTL);
    }

    /**
     * A time to live as the command line takes it: whole seconds, or a number with {@code s}, {@code m}, {@code h} or
     * {@code d} ({@code 3600}, {@code 3600s}, {@code 30m}, {@code 1h}, {@code 7d}); positive.
     */
    public static Duration parseTtl(String text) {
        if (!text.matches("[0-9]{1,9}[smhd]?")) {
            throw new IllegalArgumentException("not a time to live: " + text);
        }
        char unit = text.charAt(text.length() - 1);
        long amount = Long.parseLong(Character.isDigit(unit) ? text : text.substring(0, text.length() - 1));
        Duration ttl = switch (unit) {
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            case 'd' -> Duration.ofDays(amount);
            default -> Duration.ofSeconds(amount);
        };
        if (ttl.isZero()) {
            throw new IllegalArgumentException("a time to live must be positive: " + text);
        }
        return ttl;
    }
}
