package dev.orderflow.common.http;

import java.io.IOException;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JacksonException;

import io.micrometer.core.instrument.Counter;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClosedException;

/**
 * What the clients of other services' HTTP APIs share, below their fault tolerance: one attempt, counted, and how an
 * error answer reads.
 */
public final class OutboundRequests {

    private OutboundRequests() {
    }

    /**
     * One request to {@code peer}, counted in {@code attempts} (each retry too); a connection that fails is a
     * {@link TransientHttpException}.
     */
    public static <T> Uni<T> attempt(Counter attempts, String peer, Supplier<Uni<T>> request) {
        return Uni.createFrom().deferred(() -> {
            attempts.increment();
            return request.get();
        }).onFailure(OutboundRequests::connectionFailed)
                .transform(failure -> new TransientHttpException(peer + " could not be reached", failure));
    }

    /**
     * A 5xx or 429 from {@code peer}: a failure that may pass, for the retries and the breaker; null for any other
     * status, which the client's own exception mapper decides.
     */
    public static TransientHttpException transientFailure(Response response, String peer) {
        int status = response.getStatus();
        return status == 429 || status >= 500 ? new TransientHttpException(peer + " answered " + status) : null;
    }

    /** The body of an error answer read as {@code type}; null when there is none or it does not read as one. */
    public static <T> T errorBody(Response response, Class<T> type) {
        try {
            return response.readEntity(type);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /**
     * Refused, reset, closed or timed out (the client's read timeout) before the answer came: an I/O failure, unless it
     * is an answer that does not parse.
     */
    public static boolean connectionFailed(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JacksonException) {
                return false;
            }
            if (cause instanceof IOException || cause instanceof HttpClosedException || cause instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }
}
