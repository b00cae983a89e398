package dev.orderflow.common.testing;

import java.time.Duration;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;

import org.awaitility.Awaitility;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * The spans the application under test finished, for tests to read by trace: an exporter beside the service's own,
 * holding the most recent {@value #KEPT} spans in memory. A bean of orderflow-common's test jar, so every service's
 * tests can inject it.
 */
@Singleton
public class CollectedSpans implements SpanExporter {

    static final int KEPT = 20_000;
    static final Duration DEADLINE = Duration.ofSeconds(20);

    private final ConcurrentLinkedDeque<SpanData> spans = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();

    @Override
    public CompletableResultCode export(Collection<SpanData> finished) {
        spans.addAll(finished);
        for (int over = size.addAndGet(finished.size()) - KEPT; over > 0 && spans.pollFirst() != null; over--) {
            size.decrementAndGet();
        }
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }

    /** The finished spans of a trace, in the order they finished. */
    public List<SpanData> ofTrace(String traceId) {
        return spans.stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    /** Waits until the trace has a finished span that matches, and returns the trace's spans then. */
    public List<SpanData> await(String traceId, Predicate<SpanData> which) {
        return Awaitility.await().atMost(DEADLINE).until(() -> ofTrace(traceId), trace -> trace.stream().anyMatch(which));
    }

    /** Waits until the trace has finished spans of all these names, and returns the trace's spans then. */
    public List<SpanData> awaitNamed(String traceId, String... names) {
        Set<String> wanted = Set.of(names);
        return Awaitility.await().atMost(DEADLINE).until(() -> ofTrace(traceId),
                trace -> trace.stream().map(SpanData::getName).collect(Collectors.toSet()).containsAll(wanted));
    }

    public static Predicate<SpanData> named(String name) {
        return span -> span.getName().equals(name);
    }

    public static Predicate<SpanData> ofKind(SpanKind kind) {
        return span -> span.getKind() == kind;
    }

    /** The trace id of a W3C traceparent header ({@code 00-<trace id>-<span id>-<flags>}). */
    public static String traceIdOf(String traceparent) {
        return traceparent.split("-")[1];
    }

    /** A traceparent of a trace of its own, as a client that traces would send it. */
    public static String newTraceparent() {
        byte[] ids = new byte[24];
        ThreadLocalRandom.current().nextBytes(ids);
        String hex = HexFormat.of().formatHex(ids);
        return "00-" + hex.substring(0, 32) + "-" + hex.substring(32) + "-01";
    }
}
