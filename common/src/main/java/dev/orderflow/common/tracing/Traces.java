package dev.orderflow.common.tracing;

import java.util.Collections;
import java.util.function.Supplier;

import org.jboss.logging.MDC;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * An order's trace and log context, as the services keep and pass it on.
 * <ul>
 * <li>A trace is kept as its W3C {@code traceparent} (what the messages' headers carry too): an order stores the one
 * it was placed in, an outbox entry the one its change was made in, so that what a timer sends later (a command sent
 * again, an event the sweep publishes) continues that trace ({@link #onBehalfOf}, {@link #parent}).</li>
 * <li>A log line about an order carries its id in the MDC ({@value #ORDER_ID}), next to the {@code traceId} and
 * {@code spanId} Quarkus puts there: {@link #aboutOrder} sets it for the rest of a request or a message's handling
 * (the MDC, like the current span, belongs to the Vert.x duplicated context they run on).</li>
 * </ul>
 */
public final class Traces {

    /** The MDC key of the order a log line is about. */
    public static final String ORDER_ID = "orderId";
    /** The span attribute naming the order a span is about. */
    public static final String ORDER_ID_ATTRIBUTE = "orderflow.order.id";

    private static final String TRACEPARENT = "traceparent";
    private static final TextMapGetter<String> STORED = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return Collections.singleton(TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return TRACEPARENT.equals(key) ? carrier : null;
        }
    };

    private Traces() {
    }

    /** The current span as a W3C traceparent; null when no span is current. */
    public static String traceparent() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        return "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex();
    }

    /** The trace id of a traceparent; null when there is none, or it does not read. */
    public static String traceId(String traceparent) {
        SpanContext span = Span.fromContext(stored(traceparent)).getSpanContext();
        return span.isValid() ? span.getTraceId() : null;
    }

    /**
     * The span a stored traceparent names, as the parent of spans to come: the current context when there is no
     * (readable) traceparent.
     */
    public static Context parent(String traceparent) {
        Context stored = stored(traceparent);
        return Span.fromContext(stored).getSpanContext().isValid() ? stored : Context.current();
    }

    private static Context stored(String traceparent) {
        return traceparent == null ? Context.root()
                : W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, STORED);
    }

    /**
     * Names the order the current request or message is about: in the MDC, for every log line from now on in this
     * request or message's handling, and on the current span.
     */
    public static void aboutOrder(String orderId) {
        if (orderId == null) {
            return;
        }
        MDC.put(ORDER_ID, orderId);
        Span current = Span.current();
        if (current.isRecording()) {
            current.setAttribute(ORDER_ID_ATTRIBUTE, orderId);
        }
    }

    /**
     * Runs work that a timer does for one order (a sweep that handles many, one after the other or side by side) on a
     * Vert.x context of its own, where the order's stored trace is current and its id is in the MDC: what the work logs
     * and sends belongs to the order's trace, not to the sweep's nor to another order's. Outside Vert.x the work runs
     * as it is.
     */
    public static <T> Uni<T> onBehalfOf(String orderId, String traceparent, Supplier<Uni<T>> work) {
        io.vertx.core.Context caller = Vertx.currentContext();
        if (caller == null) {
            return Uni.createFrom().deferred(work::get);
        }
        io.vertx.core.Context own = VertxContext.createNewDuplicatedContext(caller);
        return Uni.createFrom().deferred(() -> {
            // the context is this work's alone, and dropped after it: nothing to restore
            parent(traceparent).makeCurrent();
            aboutOrder(orderId);
            return work.get();
        }).runSubscriptionOn(task -> own.runOnContext(ignored -> task.run()));
    }
}
