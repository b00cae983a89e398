package dev.orderflow.common.simulator;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.smallrye.mutiny.Uni;

/**
 * The fault drills a service's simulator of a third party plays ({@link SimulatorConfig}): requests failed at a rate
 * before anything is decided, answers slowed down, requests held longer than a client waits. Each fault is a
 * {@link SimulatorUnavailable}, which the simulator's resource answers 503 in the party's error shape
 * ({@link #unavailable}).
 */
public final class SimulatedFaults {

    private final SimulatorConfig config;
    private final String failure;

    /** @param party what the simulator stands for, named in the failures it plays: {@code provider}, {@code carrier} */
    public SimulatedFaults(SimulatorConfig config, String party) {
        this.config = config;
        this.failure = "simulated " + party + " failure";
    }

    /** Answers after the configured latency, or fails at the configured rate (before deciding anything). */
    public <T> Uni<T> answer(Supplier<Uni<T>> decision) {
        Uni<T> answer = Uni.createFrom().deferred(() -> {
            if (config.failureRate() > 0 && ThreadLocalRandom.current().nextDouble() < config.failureRate()) {
                return Uni.createFrom().failure(new SimulatorUnavailable(failure));
            }
            return decision.get();
        });
        return config.latency().isZero() ? answer : answer.onItem().delayIt().by(config.latency());
    }

    /**
     * No answer in time: held without a thread for the configured timeout delay, longer than a client waits, and then
     * nothing decided, failed for {@code why}.
     */
    public <T> Uni<T> noAnswer(String why) {
        return Uni.createFrom().nullItem().onItem().delayIt().by(config.timeoutDelay())
                .chain(() -> Uni.createFrom().failure(new SimulatorUnavailable(why)));
    }

    /** The party's answer to a {@link SimulatorUnavailable}: 503, {@code Retry-After: 1}, the error in its own shape. */
    public static Response unavailable(Object error) {
        return Response.status(503).type(MediaType.APPLICATION_JSON).header("Retry-After", "1").entity(error).build();
    }
}
