package dev.orderflow.common.messaging;

import jakarta.validation.constraints.NotBlank;

import dev.orderflow.contracts.MessageType;

/** A contract for the tests: a piece of work that fails, always, when it is poison. */
@MessageType("probe.work")
public record Work(@NotBlank String id, boolean poison) {
}
