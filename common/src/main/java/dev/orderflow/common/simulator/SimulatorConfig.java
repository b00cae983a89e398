package dev.orderflow.common.simulator;

import java.time.Duration;

import io.smallrye.config.WithDefault;

/**
 * The fault drills of a service's simulator of a third party ({@code payment.simulator}, {@code shipping.simulator}),
 * played by {@link SimulatedFaults}. A service's simulator group extends it with what its party decides.
 */
public interface SimulatorConfig {

    /** Share of requests, from 0 to 1, answered 503 before anything is decided: for fault drills. */
    @WithDefault("0")
    double failureRate();

    /** How long each answer takes. */
    @WithDefault("0s")
    Duration latency();

    /**
     * How long a request the party is steered not to answer (the simulator's "answered too late" input) is held before
     * it is answered 503, nothing done: longer than the client waits for an answer.
     */
    @WithDefault("10s")
    Duration timeoutDelay();
}
