package dev.orderflow.order.tracing;

import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orderflow.common.messaging.Envelope;
import dev.orderflow.common.tracing.Traces;
import dev.orderflow.order.Order;
import dev.orderflow.order.saga.OrderSaga;
import dev.orderflow.order.saga.SagaMove;
import dev.orderflow.order.saga.SagaPhase;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Uni;

/**
 * A span for each move of an order's saga (its start, a reply, a passed deadline, a cancellation), named after where
 * the move left the saga: {@code saga reserve-stock} while it awaits the stock, {@code saga charge-payment} the
 * payment, and so on; {@code saga charge-payment undo} while it awaits a refund; {@code saga completed},
 * {@code saga compensated} or {@code saga compensation-refused} once over. The command a move sends is sent in its
 * span, so the trace reads as the saga: each participant's work hangs under the step that asked for it, and the next
 * step under the reply that ended it.
 * <p>
 * A move that a timer makes (the recovery loop sending a command again, or giving the step up) has no request or
 * message to belong to: it continues the trace the order was placed in ({@link Order#traceparent}).
 */
@ApplicationScoped
public class SagaSpans {

    static final String EVENT = "orderflow.saga.event";
    static final String REPLY = "orderflow.saga.reply";
    static final String STEP = "orderflow.saga.step";
    static final String ATTEMPT = "orderflow.saga.attempt";
    static final String STATUS = "orderflow.order.status";

    private final Tracer tracer;

    public SagaSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    /** The order placed, and its first command sent. */
    public Uni<Order> start(String orderId, Supplier<Uni<Order>> start) {
        return around("start", orderId, null, start, SagaMove::of);
    }

    /** A participant's reply moves the saga on. */
    public Uni<SagaMove> reply(Envelope<Object> reply, Supplier<Uni<SagaMove>> move) {
        return around("reply", reply.correlationId(), reply.type(), move, Function.identity());
    }

    /** The recovery loop moves an overdue saga on, in the order's trace. */
    public Uni<SagaMove> deadline(Order overdue, Supplier<Uni<SagaMove>> move) {
        return Traces.onBehalfOf(overdue.id, overdue.traceparent,
                () -> around("deadline", overdue.id, null, move, Function.identity()));
    }

    /** The customer cancels. */
    public Uni<Order> cancel(String orderId, Supplier<Uni<Order>> move) {
        return around("cancel", orderId, null, move, SagaMove::of);
    }

    /** The move in its span, which {@code where} (of the move's result) names once the move is over. */
    private <T> Uni<T> around(String event, String orderId, String reply, Supplier<Uni<T>> move,
            Function<T, SagaMove> where) {
        return Uni.createFrom().deferred(() -> {
            Span span = tracer.spanBuilder("saga " + event).setAttribute(EVENT, event).startSpan();
            if (orderId != null) {
                span.setAttribute(Traces.ORDER_ID_ATTRIBUTE, orderId);
            }
            if (reply != null) {
                span.setAttribute(REPLY, reply);
            }
            Scope scope = span.makeCurrent();
            Uni<T> moving;
            try {
                moving = move.get();
            } catch (RuntimeException e) {
                moving = Uni.createFrom().failure(e);
            }
            return moving.onTermination().invoke((moved, failure, cancelled) -> {
                try {
                    if (moved != null) {
                        describe(span, where.apply(moved));
                    }
                    if (failure != null) {
                        span.recordException(failure);
                        span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
                    }
                } finally {
                    scope.close();
                    span.end();
                }
            });
        });
    }

    private static void describe(Span span, SagaMove move) {
        if (move.phase() == null) {
            return;
        }
        String step = OrderSaga.DEFINITION.step(move.step()).name();
        span.updateName("saga " + switch (move.phase()) {
            case RUNNING -> step;
            case COMPENSATING -> step + " undo";
            default -> phaseName(move.phase());
        });
        span.setAttribute(STEP, step);
        span.setAttribute(ATTEMPT, move.attempt());
        span.setAttribute(STATUS, move.status().name());
    }

    private static String phaseName(SagaPhase phase) {
        return phase.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
