package dev.orderflow.common.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

/**
 * The fault drills apart from any simulator: the services' drill tests play the failure rate and the held request
 * through HTTP; the latency is played only here.
 */
class SimulatedFaultsTest {

    record Drills(double failureRate, Duration latency, Duration timeoutDelay) implements SimulatorConfig {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void withoutFaultsTheDecisionIsAnswered() {
        SimulatedFaults faults = new SimulatedFaults(new Drills(0, Duration.ZERO, Duration.ofSeconds(10)), "carrier");

        assertEquals("booked", faults.answer(() -> Uni.createFrom().item("booked")).await().atMost(TIMEOUT));
    }

    @Test
    void atFailureRateOneNothingIsDecided() {
        SimulatedFaults faults = new SimulatedFaults(new Drills(1, Duration.ZERO, Duration.ofSeconds(10)), "carrier");
        AtomicBoolean decided = new AtomicBoolean();

        SimulatorUnavailable failure = assertThrows(SimulatorUnavailable.class, () -> faults.answer(() -> {
            decided.set(true);
            return Uni.createFrom().item("booked");
        }).await().atMost(TIMEOUT));

        assertEquals("simulated carrier failure", failure.getMessage());
        assertFalse(decided.get());
    }

    @Test
    void eachAnswerTakesTheLatency() {
        SimulatedFaults faults = new SimulatedFaults(new Drills(0, Duration.ofMillis(200), Duration.ofSeconds(10)),
                "provider");
        long start = System.nanoTime();

        assertEquals("charged", faults.answer(() -> Uni.createFrom().item("charged")).await().atMost(TIMEOUT));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofMillis(200)) >= 0);
    }

    @Test
    void aRequestNotAnsweredIsHeldForTheTimeoutDelayThenUnavailable() {
        SimulatedFaults faults = new SimulatedFaults(new Drills(0, Duration.ZERO, Duration.ofMillis(200)), "provider");
        long start = System.nanoTime();

        SimulatorUnavailable failure = assertThrows(SimulatorUnavailable.class,
                () -> faults.<String> noAnswer("no answer in time").await().atMost(TIMEOUT));

        assertEquals("no answer in time", failure.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).compareTo(Duration.ofMillis(200)) >= 0);
    }
}
