package dev.orderflow.order.saga;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orderflow.contracts.order.CancellationReason;
import dev.orderflow.order.Order;
import dev.orderflow.order.OrderStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;

/**
 * The order service's meters (docs/operations.md, "Watching"). Each is moved once a change is stored
 * ({@link OrderSagaRunner}): every change is one conditional update that one worker makes, so a duplicate reply, a
 * repeated shipment event, or a replica that lost the race to another stores nothing and counts nothing.
 * <ul>
 * <li>{@code orders.placed}: orders stored, their saga started (a request replayed by its idempotency key places
 * none);</li>
 * <li>{@code orders.ended} (tags {@code status} DELIVERED or CANCELLED, {@code reason} the cancellation reason or
 * {@code none}) and {@code orders.duration} (tag {@code status}): the order reached its final status, and how long after
 * it was placed;</li>
 * <li>{@code saga.step.duration} (tags {@code step}, {@code outcome} succeeded or failed): from a step's command first
 * sent (its history's {@code requested} entry) to its reply handled, re-sends included; a step given up without reply
 * is not timed but counted in {@code saga.timeouts} (tag {@code step});</li>
 * <li>{@code saga.resends} (tag {@code step}; an undo's is {@code <step>:undo}): commands sent again at their
 * deadline.</li>
 * </ul>
 */
// at start: its series exist from then on, at 0, for an alert on their first increase
@Startup
@ApplicationScoped
public class SagaMetrics {

    static final String NONE = "none";

    private final MeterRegistry registry;
    private final Counter placed;

    public SagaMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.placed = Counter.builder("orders.placed").description("Orders placed, their saga started").register(registry);
        for (SagaStep<Order> step : OrderSaga.DEFINITION.steps()) {
            timeouts(step.name());
            resends(step.name());
            if (step.isCompensable()) {
                resends(undo(step.name()));
            }
        }
    }

    /** A new order is stored. */
    void placed() {
        placed.increment();
    }

    /** A change of {@code order}, which was in status {@code before}, is stored. */
    void changed(OrderStatus before, Order order, Transition transition, Instant now) {
        if (!before.isFinal() && order.status.isFinal()) {
            ended(order, now);
        }
        for (Transition.Note note : transition.notes()) {
            if (note.step() == null) {
                continue;
            }
            switch (note.outcome()) {
                case SagaEngine.SUCCEEDED -> stepTook(order, note.step(), SagaEngine.SUCCEEDED, now);
                case SagaEngine.FAILED -> {
                    if (CancellationReason.TIMEOUT.name().equals(note.reason())) {
                        timeouts(note.step()).increment();
                    } else {
                        stepTook(order, note.step(), SagaEngine.FAILED, now);
                    }
                }
                case SagaEngine.NO_REPLY ->
                    resends(order.saga.phase == SagaPhase.COMPENSATING ? undo(note.step()) : note.step())
                            .increment();
                default -> {
                }
            }
        }
    }

    private void ended(Order order, Instant now) {
        String status = order.status.name();
        String reason = order.status == OrderStatus.CANCELLED && order.cancellationReason != null
                ? order.cancellationReason.name()
                : NONE;
        Counter.builder("orders.ended").description("Orders that reached their final status")
                .tag("status", status).tag("reason", reason).register(registry).increment();
        if (order.createdAt != null) {
            Timer.builder("orders.duration").description("From an order placed to its final status")
                    .tag("status", status)
                    .publishPercentileHistogram()
                    // a cancellation takes a second, a delivery days
                    .minimumExpectedValue(Duration.ofMillis(10)).maximumExpectedValue(Duration.ofDays(30))
                    .register(registry).record(Duration.between(order.createdAt, now));
        }
    }

    /** The step's reply is handled: timed from its first request, the latest in the history (a step runs once). */
    private void stepTook(Order order, String step, String outcome, Instant now) {
        List<Order.HistoryEntry> history = order.history;
        for (int i = history.size() - 1; i >= 0; i--) {
            Order.HistoryEntry entry = history.get(i);
            if (step.equals(entry.step) && SagaEngine.REQUESTED.equals(entry.outcome)) {
                Timer.builder("saga.step.duration")
                        .description("From a saga step's command first sent to its reply handled")
                        .tag("step", step).tag("outcome", outcome)
                        .publishPercentileHistogram()
                        .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(1))
                        .register(registry).record(Duration.between(entry.at, now));
                return;
            }
        }
    }

    private Counter timeouts(String step) {
        return Counter.builder("saga.timeouts").description("Saga steps given up after their last attempt without reply")
                .tag("step", step).register(registry);
    }

    private Counter resends(String step) {
        return Counter.builder("saga.resends").description("Saga commands sent again at their deadline")
                .tag("step", step).register(registry);
    }

    private static String undo(String step) {
        return step + ":" + SagaEngine.UNDO;
    }
}
