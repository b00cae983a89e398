package dev.orderflow.tools;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.orderflow.tools.auth.SigningKeys;

/**
 * {@code keys} and {@code token} as a person runs them: the printed tokens are checked as the services' MicroProfile
 * JWT checks them (jose4j, which smallrye-jwt is built on), with the public key {@code keys} wrote.
 */
class TokenCommandTest {

    @TempDir
    Path run;
    Path keys;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream stdout;
    PrintStream stderr;

    @BeforeEach
    void capture() {
        keys = run.resolve("keys");
        stdout = System.out;
        stderr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void release() {
        System.setOut(stdout);
        System.setErr(stderr);
    }

    @Test
    void theFirstStartMakesTheKeyPairTheOwnerAloneMayReadAndTheNextKeepsIt() throws Exception {
        assertEquals(0, Tools.run(new String[] { "keys", "--dir", keys.toString() }));
        Path privateKey = keys.resolve(SigningKeys.PRIVATE_KEY);
        Path publicKey = keys.resolve(SigningKeys.PUBLIC_KEY);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(privateKey)));
        assertTrue(Files.readString(privateKey).startsWith("-----BEGIN PRIVATE KEY-----\n"), "PKCS#8 PEM");
        assertTrue(Files.readString(publicKey).startsWith("-----BEGIN PUBLIC KEY-----\n"), "SubjectPublicKeyInfo PEM");
        assertEquals(2048, SigningKeys.readPublic(publicKey).getModulus().bitLength());
        byte[] firstPrivate = Files.readAllBytes(privateKey);
        byte[] firstPublic = Files.readAllBytes(publicKey);
        String tokenBefore = mint("--role", "operator");

        assertEquals(0, Tools.run(new String[] { "keys", "--dir", keys.toString() }));

        assertArrayEquals(firstPrivate, Files.readAllBytes(privateKey), "the private key is kept");
        assertArrayEquals(firstPublic, Files.readAllBytes(publicKey), "the public key is kept");
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("kept "), out.toString(StandardCharsets.UTF_8));
        verify(tokenBefore, publicKey);
    }

    @Test
    void halfAKeyPairIsRefusedRatherThanReplaced() throws Exception {
        SigningKeys.ensure(keys);
        Files.delete(keys.resolve(SigningKeys.PUBLIC_KEY));

        assertThrows(IllegalStateException.class, () -> SigningKeys.ensure(keys));
        assertTrue(Files.notExists(keys.resolve(SigningKeys.PUBLIC_KEY)));
    }

    @Test
    void aCustomersTokenIsSignedWithThePrivateKeyAndNamesTheCustomerAndItsRole() throws Exception {
        SigningKeys.ensure(keys);

        JwtClaims claims = verify(mint("--role", "customer", "--subject", "ada"), keys.resolve(SigningKeys.PUBLIC_KEY));

        assertEquals("orderflow-local", claims.getIssuer());
        assertEquals("ada", claims.getSubject());
        assertEquals("ada", claims.getStringClaimValue("upn"));
        assertEquals(List.of("customer"), claims.getStringListClaimValue("groups"));
        assertEquals(3600, claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue(), "an hour by default");
        long now = System.currentTimeMillis() / 1000;
        assertTrue(Math.abs(claims.getIssuedAt().getValue() - now) <= 5, "issued now");
        assertTrue(!claims.getJwtId().isBlank());
    }

    @Test
    void severalSubjectsGetOneTokenEachOneALineInTheirOrder() throws Exception {
        SigningKeys.ensure(keys);

        List<String> lines = mint("--role", "customer", "--subject", "ada", "--subject", "grace", "--subject", "alan")
                .lines().toList();

        assertEquals(3, lines.size(), lines.toString());
        List<JwtClaims> claims = lines.stream().map(token -> verify(token, keys.resolve(SigningKeys.PUBLIC_KEY))).toList();
        assertEquals(List.of("ada", "grace", "alan"), claims.stream().map(TokenCommandTest::subject).toList());
        Set<String> ids = claims.stream().map(TokenCommandTest::jwtId).collect(Collectors.toSet());
        assertEquals(3, ids.size(), "each token its own jti");
    }

    @Test
    void theTimeToLiveTakesSecondsMinutesHoursOrDays() throws Exception {
        SigningKeys.ensure(keys);
        Path publicKey = keys.resolve(SigningKeys.PUBLIC_KEY);
        for (String[] ttl : new String[][] { { "90", "90" }, { "3600s", "3600" }, { "30m", "1800" }, { "2h", "7200" },
                { "7d", "604800" } }) {
            out.reset();
            JwtClaims claims = verify(mint("--role", "carrier", "--ttl", ttl[0]), publicKey);
            assertEquals(Long.parseLong(ttl[1]), claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue(),
                    "--ttl " + ttl[0]);
        }
    }

    @Test
    void operatorAndCarrierAreNamedAfterTheirRoleUnlessASubjectIsGivenAndTheIssuerCanBeChanged() throws Exception {
        SigningKeys.ensure(keys);
        Path publicKey = keys.resolve(SigningKeys.PUBLIC_KEY);

        JwtClaims operator = verify(mint("--role", "operator"), publicKey);
        out.reset();
        JwtClaims carrier = verify(mint("--role", "carrier", "--subject", "parcel-co"), publicKey);
        out.reset();
        JwtClaims elsewhere = consumer(publicKey, "https://sso.example.com/realms/orderflow")
                .processToClaims(mint("--role", "operator", "--issuer", "https://sso.example.com/realms/orderflow").trim());

        assertEquals("operator", operator.getSubject());
        assertEquals(List.of("operator"), operator.getStringListClaimValue("groups"));
        assertEquals("parcel-co", carrier.getSubject());
        assertEquals(List.of("carrier"), carrier.getStringListClaimValue("groups"));
        assertEquals("https://sso.example.com/realms/orderflow", elsewhere.getIssuer());
    }

    @Test
    void aTokenIsRefusedWithAnotherKeyPairsPublicKey() throws Exception {
        SigningKeys.ensure(keys);
        Path other = run.resolve("other");
        SigningKeys.ensure(other);
        String token = mint("--role", "operator").trim();

        assertThrows(InvalidJwtException.class,
                () -> consumer(other.resolve(SigningKeys.PUBLIC_KEY), "orderflow-local").processToClaims(token));
    }

    @Test
    void aCommandLineThatIsNotTheUsagePrintsNoToken() throws Exception {
        SigningKeys.ensure(keys);
        String key = keys.resolve(SigningKeys.PRIVATE_KEY).toString();

        assertEquals(2, Tools.run(new String[] { "token", "--role", "customer", "--key", key }), "a customer needs a subject");
        assertEquals(2, Tools.run(new String[] { "token", "--subject", "ada", "--key", key }), "no role");
        assertEquals(2, Tools.run(new String[] { "token", "--role", "admin", "--key", key }));
        assertEquals(2, Tools.run(new String[] { "token", "--role", "operator", "--ttl", "soon", "--key", key }));
        assertEquals(2, Tools.run(new String[] { "token", "--role", "operator", "--ttl", "0", "--key", key }));
        assertEquals(2, Tools.run(new String[] { "token", "--role", "operator", "--bogus", "1", "--key", key }));
        assertEquals(2, Tools.run(new String[] { "token", "--role", "operator", "--key", run.resolve("none.pem").toString() }));
        assertEquals(2, Tools.run(new String[] { "keys" }));
        assertEquals("", out.toString(StandardCharsets.UTF_8));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage:"));

        assertEquals(0, Tools.run(new String[] { "token", "--help" }));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("token --role customer|operator|carrier"));
    }

    /** Runs {@code token} with the test's private key; what it printed. */
    private String mint(String... options) throws Exception {
        String[] args = new String[options.length + 3];
        args[0] = "token";
        System.arraycopy(options, 0, args, 1, options.length);
        args[options.length + 1] = "--key";
        args[options.length + 2] = keys.resolve(SigningKeys.PRIVATE_KEY).toString();
        int before = out.size();
        assertEquals(0, Tools.run(args), err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8).substring(before);
    }

    private static JwtClaims verify(String token, Path publicKey) {
        try {
            return consumer(publicKey, "orderflow-local").processToClaims(token.trim());
        } catch (InvalidJwtException e) {
            throw new AssertionError("not a valid token: " + token, e);
        }
    }

    /** As MicroProfile JWT checks a token: RS256 only, signature, issuer, expiry and issue time present. */
    private static JwtConsumer consumer(Path publicKey, String issuer) {
        return new JwtConsumerBuilder().setVerificationKey(SigningKeys.readPublic(publicKey)).setExpectedIssuer(issuer)
                .setRequireExpirationTime().setRequireIssuedAt().setRequireSubject().setRequireJwtId()
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .build();
    }

    private static String subject(JwtClaims claims) {
        try {
            return claims.getSubject();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String jwtId(JwtClaims claims) {
        try {
            return claims.getJwtId();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
