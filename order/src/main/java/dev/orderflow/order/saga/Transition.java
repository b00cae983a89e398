package dev.orderflow.order.saga;

import java.util.List;

/**
 * What a saga decided on an event: the commands to send (once the new progress is stored), and what happened, step by
 * step, for the history.
 */
public record Transition(List<Command> commands, List<Note> notes) {

    /** A command to send; its id is the same every time it is sent, so participants recognise a repeat. */
    public record Command(String id, Object payload) {
    }

    /** One line of history: which step, what happened, and why. */
    public record Note(String step, String outcome, String reason) {
    }
}
