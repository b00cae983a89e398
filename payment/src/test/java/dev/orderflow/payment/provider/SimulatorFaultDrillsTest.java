package dev.orderflow.payment.provider;

import static dev.orderflow.payment.provider.ProviderResourceTest.charge;
import static dev.orderflow.payment.provider.ProviderResourceTest.newReference;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.orderflow.common.security.ThirdPartyKey;
import dev.orderflow.common.testing.Tokens;
import dev.orderflow.payment.testing.ProviderDown;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The simulator's fault drills: at {@code failure-rate=1} every request is answered 503, nothing decided; a
 * {@code tok_timeout} charge is held for {@code timeout-delay}, then answered 503, nothing charged.
 */
@QuarkusTest
@TestProfile(ProviderDown.class)
class SimulatorFaultDrillsTest {

    @Inject
    ThirdPartyKey providerKey;

    @BeforeEach
    void withTheApiKey() {
        // the key the service's client sends, which the simulator takes; without it: aRequestWithoutTheApiKeyIsRefused
        Tokens.authorizationByDefault(providerKey.key().authorization());
    }

    @Test
    void atFailureRateOneEveryRequestIsUnavailable() {
        charge(newReference(), "tok_visa", "10.00").statusCode(503).header("Retry-After", "1")
                .body("error.type", equalTo("api_error"));
        ProviderResourceTest.refund("ch_any").statusCode(503);
        ProviderResourceTest.cancel(newReference()).statusCode(503);
    }

    @Test
    void aTimeoutTokenIsHeldThenAnsweredUnavailable() {
        charge(newReference(), "tok_timeout", "10.00").statusCode(503)
                .time(greaterThanOrEqualTo((long) ProviderDown.TIMEOUT_DELAY_MS), TimeUnit.MILLISECONDS);
    }
}
