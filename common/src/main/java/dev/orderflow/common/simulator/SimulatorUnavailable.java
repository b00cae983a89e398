package dev.orderflow.common.simulator;

/**
 * A simulator does not answer this time (a fault drill): a 503, after which nothing has changed. Its resource answers
 * it with {@link SimulatedFaults#unavailable}.
 */
public final class SimulatorUnavailable extends RuntimeException {

    public SimulatorUnavailable(String message) {
        super(message, null, false, false);
    }
}
