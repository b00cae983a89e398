package dev.orderflow.common.testing;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import dev.orderflow.common.security.Roles;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import io.smallrye.jwt.build.Jwt;

/**
 * Bearer tokens as the issuer mints them (RS256; iss, sub, upn = sub, groups = [role], iat, exp, jti), signed with the
 * test JVM's key ({@link TestSigningKey}) that the services under test verify with, and the kinds of token they must
 * refuse. Send one with {@code given().header(Tokens.bearer(token))}; a test class whose calls all come from one
 * caller names it once with {@link #byDefault(String)}.
 */
public final class Tokens {

    private static final Duration LIFESPAN = Duration.ofMinutes(30);
    private static PrivateKey otherKey;

    private Tokens() {
    }

    public static String customer(String customerId) {
        return token(customerId, Roles.CUSTOMER);
    }

    public static String operator() {
        return token("test-operator", Roles.OPERATOR);
    }

    public static String carrier() {
        return token("test-carrier", Roles.CARRIER);
    }

    /** A token of the issuer, valid now. */
    public static String token(String subject, String role) {
        Instant now = Instant.now();
        return claims(subject, role, now, now.plus(LIFESPAN)).issuer(TestSigningKey.ISSUER).sign(TestSigningKey.privateKey());
    }

    /** Expired an hour ago, well beyond any clock skew allowed. */
    public static String expired(String subject, String role) {
        Instant now = Instant.now();
        return claims(subject, role, now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)))
                .issuer(TestSigningKey.ISSUER).sign(TestSigningKey.privateKey());
    }

    /** Signed with the right key, but naming another issuer. */
    public static String wrongIssuer(String subject, String role) {
        Instant now = Instant.now();
        return claims(subject, role, now, now.plus(LIFESPAN)).issuer("someone-else").sign(TestSigningKey.privateKey());
    }

    /** The issuer's claims, signed with a key that is not the issuer's. */
    public static String badSignature(String subject, String role) {
        Instant now = Instant.now();
        return claims(subject, role, now, now.plus(LIFESPAN)).issuer(TestSigningKey.ISSUER).sign(otherKey());
    }

    /** The issuer's claims, unsigned: {@code alg: none} and no signature. */
    public static String algNone(String subject, String role) {
        String payload = token(subject, role).split("\\.")[1];
        String header = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".";
    }

    /** The Authorization header that carries the token. */
    public static Header bearer(String token) {
        return new Header("Authorization", "Bearer " + token);
    }

    /**
     * Sends this token with every request of the tests in this class loader that names no Authorization header of its
     * own; {@code given().noFilters()} sends none. Call it in a {@code @BeforeAll}: it replaces any earlier default.
     */
    public static void byDefault(String token) {
        authorizationByDefault("Bearer " + token);
    }

    /**
     * Sends this Authorization header (a third party's API key, say) with every request that names none of its own, as
     * {@link #byDefault(String)} does.
     */
    public static void authorizationByDefault(String authorization) {
        List<Filter> filters = new ArrayList<>(RestAssured.filters());
        filters.removeIf(DefaultAuthorization.class::isInstance);
        filters.add(new DefaultAuthorization(authorization));
        RestAssured.replaceFiltersWith(filters);
    }

    private static io.smallrye.jwt.build.JwtClaimsBuilder claims(String subject, String role, Instant issuedAt,
            Instant expiresAt) {
        return Jwt.subject(subject).upn(subject).groups(Set.of(role)).issuedAt(issuedAt).expiresAt(expiresAt);
    }

    private static synchronized PrivateKey otherKey() {
        if (otherKey == null) {
            otherKey = TestSigningKey.generate().getPrivate();
        }
        return otherKey;
    }

    private record DefaultAuthorization(String authorization) implements Filter {

        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
                FilterContext context) {
            if (!request.getHeaders().hasHeaderWithName("Authorization")) {
                request.header("Authorization", authorization);
            }
            return context.next(request, response);
        }
    }
}
