package dev.orderflow.payment.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * A payment provider that is down: the client is sent to a port nobody listens on (every connection refused), and the
 * service's own simulator fails every request ({@code payment.simulator.failure-rate=1}) and holds a
 * {@code tok_timeout} charge for {@value #TIMEOUT_DELAY_MS} ms. Fault tolerance is shortened as in
 * {@link ProviderOnWireMock}, and so are the message retries.
 */
public class ProviderDown implements QuarkusTestProfile {

    public static final int TIMEOUT_DELAY_MS = 500;
    static final String HANDLER_RETRY = "quarkus.fault-tolerance.\"dev.orderflow.common.messaging.HandlerRetry/handle\".";

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(ProviderOnWireMock.faultTolerance("charge"));
        overrides.putAll(ProviderOnWireMock.faultTolerance("refund"));
        overrides.put("quarkus.rest-client.payment-provider.url", "http://localhost:" + closedPort());
        overrides.put("payment.simulator.failure-rate", "1");
        overrides.put("payment.simulator.timeout-delay", TIMEOUT_DELAY_MS + "ms");
        overrides.put(HANDLER_RETRY + "retry.delay", "5");
        overrides.put(HANDLER_RETRY + "retry.jitter", "0");
        overrides.put(HANDLER_RETRY + "exponential-backoff.max-delay", "10");
        return overrides;
    }

    /** A port that was free a moment ago, and is closed again. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
