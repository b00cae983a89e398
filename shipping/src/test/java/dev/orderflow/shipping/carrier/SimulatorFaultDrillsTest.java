package dev.orderflow.shipping.carrier;

import static dev.orderflow.shipping.carrier.CarrierResourceTest.label;
import static dev.orderflow.shipping.carrier.CarrierResourceTest.newKey;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.orderflow.common.security.ThirdPartyKey;
import dev.orderflow.common.testing.Tokens;
import dev.orderflow.shipping.testing.CarrierDown;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The simulator's fault drills: at {@code failure-rate=1} every request is answered 503, nothing decided; a label to
 * postal code {@code 99999} is held for {@code timeout-delay}, then answered 503, nothing booked.
 */
@QuarkusTest
@TestProfile(CarrierDown.class)
class SimulatorFaultDrillsTest {

    @Inject
    ThirdPartyKey carrierKey;

    @BeforeEach
    void withTheApiKey() {
        // the key the service's client sends, which the simulator takes; without it: aRequestWithoutTheApiKeyIsRefused
        Tokens.authorizationByDefault(carrierKey.key().authorization());
    }

    @Test
    void atFailureRateOneEveryRequestIsUnavailable() {
        label(newKey(), "ColiPoste", "75011").statusCode(503).header("Retry-After", "1")
                .body("error.type", equalTo("api_error"));
        CarrierResourceTest.cancel("lbl_any").statusCode(503);
    }

    @Test
    void aTimeoutPostalCodeIsHeldThenAnsweredUnavailable() {
        label(newKey(), "ColiPoste", "99999").statusCode(503)
                .time(greaterThanOrEqualTo((long) CarrierDown.TIMEOUT_DELAY_MS), TimeUnit.MILLISECONDS);
    }
}
