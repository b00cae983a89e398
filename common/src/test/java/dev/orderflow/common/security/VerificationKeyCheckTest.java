package dev.orderflow.common.security;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Production starts only with the issuer's key and name configured. */
class VerificationKeyCheckTest {

    private static Optional<String> problem(Map<String, String> config) {
        return VerificationKeyCheck.problem(name -> Optional.ofNullable(config.get(name)));
    }

    @Test
    void nothingConfiguredIsRefusedNamingWhatToSet() {
        String problem = problem(Map.of()).orElseThrow();

        assertThat(problem, containsString("MP_JWT_VERIFY_PUBLICKEY_LOCATION"));
        assertThat(problem, containsString("MP_JWT_VERIFY_ISSUER"));
    }

    @Test
    void aKeyWithoutAnIssuerIsRefused() {
        String problem = problem(Map.of("mp.jwt.verify.publickey.location", "file:/keys/jwt-public.pem")).orElseThrow();

        assertThat(problem, containsString("MP_JWT_VERIFY_ISSUER"));
    }

    @Test
    void theKeyTheDevModeGeneratorLeavesUnsetIsNoKey() {
        assertTrue(problem(Map.of("mp.jwt.verify.publickey", "NONE", "mp.jwt.verify.issuer", "orderflow")).isPresent());
    }

    @Test
    void aKeyLocationOrAKeyWithAnIssuerIsEnough() {
        assertEquals(Optional.empty(), problem(Map.of("mp.jwt.verify.publickey.location", "https://issuer.example/jwks",
                "mp.jwt.verify.issuer", "orderflow")));
        assertEquals(Optional.empty(),
                problem(Map.of("mp.jwt.verify.publickey", "MIIBIjAN", "mp.jwt.verify.issuer", "orderflow")));
    }
}
