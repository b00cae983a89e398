package dev.orderflow.order.saga;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/** The steps of a saga, in order, written with {@link #builder()}; {@link SagaEngine} runs it. */
public final class SagaDefinition<S> {

    private final List<SagaStep<S>> steps;

    private SagaDefinition(List<SagaStep<S>> steps) {
        this.steps = List.copyOf(steps);
    }

    public List<SagaStep<S>> steps() {
        return steps;
    }

    public SagaStep<S> step(int index) {
        return steps.get(index);
    }

    public int size() {
        return steps.size();
    }

    public static <S> Builder<S> builder() {
        return new Builder<>();
    }

    public static final class Builder<S> {

        private final List<SagaStep<S>> steps = new ArrayList<>();
        private StepBuilder<S> current;

        /** Starts the next step. */
        public StepBuilder<S> step(String name) {
            finishCurrent();
            current = new StepBuilder<>(this, name);
            return current;
        }

        public SagaDefinition<S> build() {
            finishCurrent();
            if (steps.isEmpty()) {
                throw new IllegalStateException("a saga needs at least one step");
            }
            return new SagaDefinition<>(steps);
        }

        private void finishCurrent() {
            if (current != null) {
                steps.add(current.toStep());
                current = null;
            }
        }
    }

    public static final class StepBuilder<S> {

        private static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(10);

        private final Builder<S> saga;
        private final String name;
        private Function<S, Object> command;
        private final Map<Class<?>, BiConsumer<S, Object>> successes = new LinkedHashMap<>();
        private final Map<Class<?>, Function<Object, SagaFailure>> failures = new LinkedHashMap<>();
        private Function<S, Object> compensation;
        private final Set<Class<?>> compensationRefusals = new HashSet<>();
        private Duration deadline = DEFAULT_DEADLINE;
        private int attempts = 3;

        private StepBuilder(Builder<S> saga, String name) {
            this.saga = saga;
            this.name = name;
        }

        /** The command that does the step. */
        public StepBuilder<S> command(Function<S, Object> command) {
            this.command = command;
            return this;
        }

        /** A reply that means the step is done; the handler takes what the saga needs from it. */
        @SuppressWarnings("unchecked")
        public <R> StepBuilder<S> onReply(Class<R> reply, BiConsumer<S, R> handler) {
            successes.put(reply, (state, payload) -> handler.accept(state, (R) payload));
            return this;
        }

        /** A reply that means the step failed, and nothing was done: the saga compensates the steps before it. */
        @SuppressWarnings("unchecked")
        public <R> StepBuilder<S> failOn(Class<R> reply, Function<R, SagaFailure> failure) {
            failures.put(reply, payload -> failure.apply((R) payload));
            return this;
        }

        /** The command that undoes the step; it must be harmless when the step was never done. */
        public StepBuilder<S> compensateWith(Function<S, Object> compensation) {
            this.compensation = compensation;
            return this;
        }

        /** A reply to the compensation that means it cannot be undone any more: compensation stops there. */
        public StepBuilder<S> compensationRefusedBy(Class<?> reply) {
            compensationRefusals.add(reply);
            return this;
        }

        /** How long to wait for a reply before sending the command again. */
        public StepBuilder<S> deadline(Duration deadline) {
            this.deadline = deadline;
            return this;
        }

        /** How many times the command is sent before the step counts as failed (TIMEOUT). */
        public StepBuilder<S> attempts(int attempts) {
            this.attempts = attempts;
            return this;
        }

        public StepBuilder<S> step(String next) {
            return saga.step(next);
        }

        public SagaDefinition<S> build() {
            return saga.build();
        }

        private SagaStep<S> toStep() {
            if (command == null || successes.isEmpty()) {
                throw new IllegalStateException("step " + name + " needs a command and at least one success reply");
            }
            return new SagaStep<>(name, command, Map.copyOf(successes), Map.copyOf(failures), Optional.ofNullable(compensation),
                    Set.copyOf(compensationRefusals), deadline, attempts);
        }
    }
}
