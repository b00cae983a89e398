package dev.orderflow.common.rest;

import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.runtime.configuration.MemorySize;

/**
 * Refuses a request whose body is declared larger than {@code orderflow.http.max-body-size} (64 KiB; the largest body
 * of any API is a few KiB) with 413 and a problem, before the body is read. A body sent without a length (chunked) is
 * cut by Quarkus at {@code quarkus.http.limits.max-body-size} (10M) instead, with Quarkus' own 413, which has no body
 * and closes the connection.
 */
public class BodyLimit {

    private final long maxBytes;

    public BodyLimit(@ConfigProperty(name = "orderflow.http.max-body-size", defaultValue = "64K") MemorySize max) {
        this.maxBytes = max.asLongValue();
    }

    @ServerRequestFilter(preMatching = true)
    public void refuseLargeBodies(HttpHeaders headers) {
        String declared = headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared == null) {
            return;
        }
        long length;
        try {
            length = Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            return;
        }
        if (length > maxBytes) {
            throw new ProblemException(413, "Content Too Large",
                    "The body has " + length + " bytes, more than the " + maxBytes + " this service reads");
        }
    }
}
