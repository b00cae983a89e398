package dev.orderflow.order.saga;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

import dev.orderflow.contracts.order.CancellationReason;

/**
 * Runs a {@link SagaDefinition}: decides, for each event of a saga run (start, reply, deadline passed, cancel), how its
 * {@link SagaProgress} moves and which command to send. It does no I/O: the caller stores the new progress (one
 * conditional update) and then sends the commands.
 * <p>
 * The rules: steps run one after the other, each waiting for its reply. A failure reply compensates the steps done
 * before, last first (the failing step did nothing). A step without reply is sent again at its deadline, with the same
 * command id, up to its attempts; then it counts as failed with TIMEOUT, and is compensated too, since it may have
 * been done. A compensation is sent again until it is answered, never given up. Replies are matched to the awaited
 * command by message id: a late or duplicate reply changes nothing.
 */
public final class SagaEngine<S> {

    static final String DO = "do";
    static final String UNDO = "undo";
    /** What happened to a step, as its notes say (the history's outcomes; {@link SagaMetrics} counts them). */
    static final String REQUESTED = "requested";
    static final String SUCCEEDED = "succeeded";
    static final String FAILED = "failed";
    static final String NO_REPLY = "no reply by the deadline";
    private static final String REPLY_SUFFIX = ":reply";
    private static final Duration LONGEST_COMPENSATION_WAIT = Duration.ofMinutes(1);

    private final SagaDefinition<S> definition;
    private final Function<S, String> idOf;
    private final Function<S, SagaProgress> progressOf;
    private final Map<String, Timing> timings;

    /** A step's deadline and attempts, as configured; they override the definition's. */
    public record Timing(Optional<Duration> deadline, Optional<Integer> attempts) {
    }

    public SagaEngine(SagaDefinition<S> definition, Function<S, String> idOf, Function<S, SagaProgress> progressOf,
            Map<String, Timing> timings) {
        this.definition = definition;
        this.idOf = idOf;
        this.progressOf = progressOf;
        this.timings = Map.copyOf(timings);
    }

    public SagaDefinition<S> definition() {
        return definition;
    }

    /** Sends the first step's command. */
    public Transition start(S saga, Instant now) {
        SagaProgress progress = progressOf.apply(saga);
        progress.phase = SagaPhase.RUNNING;
        return request(saga, progress, 0, false, 1, now, new ArrayList<>());
    }

    /** Moves on with a reply; empty when the reply is not the awaited one (late, duplicate, or for a finished saga). */
    public Optional<Transition> onReply(S saga, String replyMessageId, Object reply, Instant now) {
        SagaProgress progress = progressOf.apply(saga);
        if (progress.awaiting == null || !replyMessageId.equals(progress.awaiting + REPLY_SUFFIX)) {
            return Optional.empty();
        }
        SagaStep<S> step = definition.step(progress.step);
        List<Transition.Note> notes = new ArrayList<>();
        if (progress.phase == SagaPhase.COMPENSATING) {
            if (step.compensationRefusals().contains(reply.getClass())) {
                notes.add(new Transition.Note(step.name(), "undo refused", reply.getClass().getSimpleName()));
                finish(progress, SagaPhase.COMPENSATION_REFUSED);
                return Optional.of(new Transition(List.of(), notes));
            }
            notes.add(new Transition.Note(step.name(), "undone", null));
            return Optional.of(compensateFrom(saga, progress, progress.step - 1, now, notes));
        }
        BiConsumer<S, Object> success = step.successes().get(reply.getClass());
        if (success != null) {
            try {
                success.accept(saga, reply);
            } catch (SagaFailure failure) {
                // the participant did the step, the saga cannot take it: the step is undone too
                notes.add(new Transition.Note(step.name(), FAILED, failure.reason().name()));
                return Optional.of(compensate(saga, progress, progress.step, failure, now, notes));
            }
            notes.add(new Transition.Note(step.name(), SUCCEEDED, null));
            if (progress.step + 1 == definition.size()) {
                finish(progress, SagaPhase.COMPLETED);
                return Optional.of(new Transition(List.of(), notes));
            }
            return Optional.of(request(saga, progress, progress.step + 1, false, 1, now, notes));
        }
        Function<Object, SagaFailure> failureOf = step.failures().get(reply.getClass());
        if (failureOf == null) {
            throw new IllegalArgumentException("step " + step.name() + " does not expect " + reply.getClass().getSimpleName());
        }
        SagaFailure failure = failureOf.apply(reply);
        notes.add(new Transition.Note(step.name(), FAILED, failure.reason().name()));
        return Optional.of(compensate(saga, progress, progress.step - 1, failure, now, notes));
    }

    /** Acts on a passed deadline: sends the awaited command again, or gives the step up; empty when nothing is due. */
    public Optional<Transition> onDeadline(S saga, Instant now) {
        SagaProgress progress = progressOf.apply(saga);
        if (progress.phase == null || progress.phase.isFinished() || progress.deadline == null
                || now.isBefore(progress.deadline)) {
            return Optional.empty();
        }
        SagaStep<S> step = definition.step(progress.step);
        List<Transition.Note> notes = new ArrayList<>();
        boolean undo = progress.phase == SagaPhase.COMPENSATING;
        if (undo || progress.attempt < attempts(step)) {
            notes.add(new Transition.Note(step.name(), NO_REPLY, null));
            return Optional.of(request(saga, progress, progress.step, undo, progress.attempt + 1, now, notes));
        }
        SagaFailure timeout = new SagaFailure(CancellationReason.TIMEOUT,
                "no reply to " + step.name() + " after " + progress.attempt + " attempts");
        notes.add(new Transition.Note(step.name(), FAILED, timeout.reason().name()));
        // the step may have been done and only its reply lost: it is compensated too
        return Optional.of(compensate(saga, progress, progress.step, timeout, now, notes));
    }

    /**
     * Cancels the saga: undoes what was done, including the step under way (its command may have been carried out).
     * Empty when it is compensating or finished already.
     */
    public Optional<Transition> cancel(S saga, SagaFailure why, Instant now) {
        SagaProgress progress = progressOf.apply(saga);
        List<Transition.Note> notes = new ArrayList<>();
        notes.add(new Transition.Note(null, "cancel requested", why.reason().name()));
        return switch (progress.phase) {
            case RUNNING -> Optional.of(compensate(saga, progress, progress.step, why, now, notes));
            case COMPLETED -> Optional.of(compensate(saga, progress, definition.size() - 1, why, now, notes));
            default -> Optional.empty();
        };
    }

    private Transition compensate(S saga, SagaProgress progress, int from, SagaFailure failure, Instant now,
            List<Transition.Note> notes) {
        progress.phase = SagaPhase.COMPENSATING;
        progress.failureReason = failure.reason();
        progress.failureDetail = failure.detail();
        return compensateFrom(saga, progress, from, now, notes);
    }

    /** Undoes the last compensable step at or before {@code from}; finishes when there is none left. */
    private Transition compensateFrom(S saga, SagaProgress progress, int from, Instant now, List<Transition.Note> notes) {
        for (int index = from; index >= 0; index--) {
            if (definition.step(index).isCompensable()) {
                return request(saga, progress, index, true, 1, now, notes);
            }
        }
        finish(progress, SagaPhase.COMPENSATED);
        return new Transition(List.of(), notes);
    }

    private Transition request(S saga, SagaProgress progress, int index, boolean undo, int attempt, Instant now,
            List<Transition.Note> notes) {
        SagaStep<S> step = definition.step(index);
        String id = idOf.apply(saga) + ":" + step.name() + ":" + (undo ? UNDO : DO);
        Object payload = undo ? step.compensation().orElseThrow().apply(saga) : step.command().apply(saga);
        progress.step = index;
        progress.attempt = attempt;
        progress.awaiting = id;
        progress.deadline = now.plus(wait(step, undo, attempt));
        String outcome = (undo ? "undo requested" : REQUESTED) + (attempt > 1 ? " again (attempt " + attempt + ")" : "");
        notes.add(new Transition.Note(step.name(), outcome, null));
        return new Transition(List.of(new Transition.Command(id, payload)), notes);
    }

    private static void finish(SagaProgress progress, SagaPhase phase) {
        progress.phase = phase;
        progress.awaiting = null;
        progress.deadline = null;
    }

    /** A command waits its step's deadline; a compensation waits longer each time, up to a minute. */
    private Duration wait(SagaStep<S> step, boolean undo, int attempt) {
        Duration deadline = timing(step).deadline().orElse(step.deadline());
        if (!undo) {
            return deadline;
        }
        Duration backedOff = deadline.multipliedBy(1L << Math.min(attempt - 1, 16));
        return backedOff.compareTo(LONGEST_COMPENSATION_WAIT) > 0 ? LONGEST_COMPENSATION_WAIT : backedOff;
    }

    private int attempts(SagaStep<S> step) {
        return timing(step).attempts().orElse(step.attempts());
    }

    private Timing timing(SagaStep<S> step) {
        return timings.getOrDefault(step.name(), new Timing(Optional.empty(), Optional.empty()));
    }
}
