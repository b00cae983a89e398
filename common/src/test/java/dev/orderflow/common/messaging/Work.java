package dev.orderflow.common.messaging;

/** A contract for the tests: a piece of work that fails, always, when it is poison. */
@MessageType("probe.work")
public record Work(String id, boolean poison) {
}
