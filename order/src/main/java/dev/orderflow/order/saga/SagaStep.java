package dev.orderflow.order.saga;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One step of a saga: the command that does it, the replies that mean it succeeded or failed, the command that undoes
 * it, and how long to wait for a reply before sending the command again, how many times.
 */
public record SagaStep<S>(
        String name,
        Function<S, Object> command,
        Map<Class<?>, BiConsumer<S, Object>> successes,
        Map<Class<?>, Function<Object, SagaFailure>> failures,
        Optional<Function<S, Object>> compensation,
        Set<Class<?>> compensationRefusals,
        Duration deadline,
        int attempts) {

    public boolean isCompensable() {
        return compensation.isPresent();
    }
}
