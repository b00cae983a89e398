package dev.orderflow.common.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/**
 * A third party's API key (the payment provider's, the carrier's), as their APIs take one: the client sends
 * {@code Authorization: Bearer <key>}, the party compares it with the key it issued. Not a user's token: the calls go
 * out from message handlers, on behalf of no one. The service's own simulator of the party checks the key the
 * service's client sends: the configured one, or, when none is configured, one made at random when the service starts,
 * which both sides of the one process share.
 */
public final class ApiKey {

    private final String authorization;

    private ApiKey(String key) {
        this.authorization = "Bearer " + key;
    }

    /** The configured key, or a random one when none is. */
    public static ApiKey configuredOrRandom(Optional<String> configured) {
        return new ApiKey(configured.filter(key -> !key.isBlank()).orElseGet(ApiKey::random));
    }

    /** The Authorization header's value that carries the key. */
    public String authorization() {
        return authorization;
    }

    /** The headers a client's request carries the key in (what a {@code ClientHeadersFactory} answers). */
    public MultivaluedMap<String, String> headers() {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.putSingle(HttpHeaders.AUTHORIZATION, authorization);
        return headers;
    }

    /**
     * The party's answer to a request without its key: 401, {@code WWW-Authenticate: Bearer}, and the error in the
     * party's own shape.
     */
    public static Response refusal(Object error) {
        return Response.status(401).type(MediaType.APPLICATION_JSON).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(error).build();
    }

    /** Whether the Authorization header (null: none) carries this key; compared in constant time. */
    public boolean accepts(String authorizationHeader) {
        return authorizationHeader != null && MessageDigest.isEqual(authorization.getBytes(StandardCharsets.UTF_8),
                authorizationHeader.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "ApiKey[hidden]";
    }

    private static String random() {
        // made here, once a start: a SecureRandom in a static field would be seeded when a native image is built
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }
}
