package dev.orderflow.common.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A service with its third party's rest client sent to WireMock ({@link WireMockPeer}) and the fault tolerance of the
 * client's operations shortened through configuration: attempts cut off after {@value #TIMEOUT_MS} ms,
 * {@value #RETRIES} retries 10 ms apart, a breaker opening when the last {@value #BREAKER_VOLUME} attempts all failed,
 * for {@value #BREAKER_DELAY_MS} ms, and closing after one successful trial. A service's profile is a subclass that
 * names its client (a Quarkus test profile is a concrete class with a no-arg constructor).
 */
public abstract class ThirdPartyOnWireMock implements QuarkusTestProfile {

    /** Long enough for a first call, when the client is still cold, on a busy machine. */
    public static final int TIMEOUT_MS = 1000;
    public static final int RETRIES = 2;
    public static final int BREAKER_VOLUME = 4;
    public static final int BREAKER_DELAY_MS = 1000;

    private final String urlProperty;
    private final String client;
    private final List<String> operations;

    /**
     * @param urlProperty the client's URL setting ({@code quarkus.rest-client.<name>.url})
     * @param client the client's interface, as fault tolerance names it in its keys
     * @param operations the client's methods whose fault tolerance is shortened
     */
    protected ThirdPartyOnWireMock(String urlProperty, String client, String... operations) {
        this.urlProperty = urlProperty;
        this.client = client;
        this.operations = List.of(operations);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return faultTolerance();
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(WireMockPeer.class, Map.of(WireMockPeer.URL_PROPERTY, urlProperty)));
    }

    /** The client's URL setting. */
    public String urlProperty() {
        return urlProperty;
    }

    /** The shortened settings of every operation of the client. */
    public Map<String, String> faultTolerance() {
        Map<String, String> overrides = new HashMap<>();
        operations.forEach(operation -> overrides.putAll(ShortFaultTolerance.client(client + "/" + operation, TIMEOUT_MS,
                RETRIES, BREAKER_VOLUME, BREAKER_DELAY_MS)));
        return overrides;
    }
}
