package dev.orderflow.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/** Fault tolerance shortened through its configuration keys, for tests that watch it retry, time out and open. */
public final class ShortFaultTolerance {

    private static final String HANDLER_RETRY = "quarkus.fault-tolerance.\"dev.orderflow.common.messaging.HandlerRetry/handle\".";

    private ShortFaultTolerance() {
    }

    /**
     * An HTTP client's operation ({@code <class>/<method>}): attempts cut off after {@code timeoutMs}, {@code retries}
     * retries 10 ms apart, a breaker that opens when the last {@code breakerVolume} attempts all failed, for
     * {@code breakerDelayMs}, and closes after one successful trial.
     */
    public static Map<String, String> client(String operation, int timeoutMs, int retries, int breakerVolume,
            int breakerDelayMs) {
        String key = "quarkus.fault-tolerance.\"" + operation + "\".";
        return Map.of(
                key + "timeout.value", Integer.toString(timeoutMs),
                key + "retry.max-retries", Integer.toString(retries),
                key + "retry.delay", "10",
                key + "retry.jitter", "0",
                key + "exponential-backoff.max-delay", "20",
                key + "circuit-breaker.request-volume-threshold", Integer.toString(breakerVolume),
                key + "circuit-breaker.failure-ratio", "1.0",
                key + "circuit-breaker.delay", Integer.toString(breakerDelayMs),
                key + "circuit-breaker.success-threshold", "1");
    }

    /** A message handler's in-process retries 5 to 10 ms apart, so a failing message reaches its DLQ quickly. */
    public static Map<String, String> handlerRetry() {
        return Map.of(
                HANDLER_RETRY + "retry.delay", "5",
                HANDLER_RETRY + "retry.jitter", "0",
                HANDLER_RETRY + "exponential-backoff.max-delay", "10");
    }

    /** A port that was free a moment ago, and is closed again: every connection to it is refused. */
    public static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
