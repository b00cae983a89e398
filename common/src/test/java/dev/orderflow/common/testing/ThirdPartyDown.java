package dev.orderflow.common.testing;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A third party that is down: the service's client is sent to a port nobody listens on (every connection refused),
 * and the service's own simulator fails every request ({@code <simulator>.failure-rate=1}) and holds the requests it
 * is told to time out for {@value #TIMEOUT_DELAY_MS} ms. Fault tolerance is shortened as in the service's
 * {@link ThirdPartyOnWireMock}, and so are the message retries ({@link ShortFaultTolerance#handlerRetry()}). A
 * service's profile is a subclass that names its client's profile and its simulator.
 */
public abstract class ThirdPartyDown implements QuarkusTestProfile {

    public static final int TIMEOUT_DELAY_MS = 500;

    private final ThirdPartyOnWireMock client;
    private final String simulator;

    /**
     * @param client the service's profile of its client on WireMock, whose URL setting and fault tolerance are used
     * @param simulator the prefix of the service's simulator settings ({@code payment.simulator}...)
     */
    protected ThirdPartyDown(ThirdPartyOnWireMock client, String simulator) {
        this.client = client;
        this.simulator = simulator;
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(client.faultTolerance());
        overrides.put(client.urlProperty(), "http://localhost:" + ShortFaultTolerance.closedPort());
        overrides.put(simulator + ".failure-rate", "1");
        overrides.put(simulator + ".timeout-delay", TIMEOUT_DELAY_MS + "ms");
        overrides.putAll(ShortFaultTolerance.handlerRetry());
        return overrides;
    }
}
