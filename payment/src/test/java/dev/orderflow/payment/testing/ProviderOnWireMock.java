package dev.orderflow.payment.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.orderflow.common.testing.ShortFaultTolerance;
import dev.orderflow.common.testing.WireMockPeer;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The payment service with its provider client sent to WireMock ({@link WireMockPeer}) and its fault tolerance
 * shortened through configuration: attempts cut off after {@value #TIMEOUT_MS} ms, {@value #RETRIES} retries 10 ms
 * apart, a breaker opening when the last {@value #BREAKER_VOLUME} attempts all failed, for {@value #BREAKER_DELAY_MS}
 * ms, and closing after one successful trial.
 */
public class ProviderOnWireMock implements QuarkusTestProfile {

    /** Long enough for a first call, when the client is still cold, on a busy machine. */
    public static final int TIMEOUT_MS = 1000;
    public static final int RETRIES = 2;
    public static final int BREAKER_VOLUME = 4;
    public static final int BREAKER_DELAY_MS = 1000;

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(faultTolerance("charge"));
        overrides.putAll(faultTolerance("refund"));
        return overrides;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(WireMockPeer.class,
                Map.of(WireMockPeer.URL_PROPERTY, "quarkus.rest-client.payment-provider.url")));
    }

    /** The shortened settings of one of the client's operations. */
    public static Map<String, String> faultTolerance(String operation) {
        return ShortFaultTolerance.client("dev.orderflow.payment.gateway.GatewayClient/" + operation, TIMEOUT_MS, RETRIES,
                BREAKER_VOLUME, BREAKER_DELAY_MS);
    }
}
