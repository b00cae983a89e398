package dev.orderflow.common.lease;

import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.faulttolerance.api.ApplyGuard;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;

/**
 * The wait for another worker's lease ({@link Lease#waitingForOthers}): an attempt that fails with
 * {@link LeaseBusyException} is made again, from 20 ms, doubling up to 500 ms, with no bound on the number of retries;
 * the wait itself is bounded by {@link Lease}, at the lease's duration and a second (another worker finishes within its
 * lease, or is taken for dead after it), and by the retry's {@code max-duration} (3 minutes).
 * <p>
 * Each setting is a fault tolerance key, for instance
 * {@code quarkus.fault-tolerance."orderflow-lease-wait".retry.max-retries}; the waits show in the {@code ft_*} metrics
 * with the tag {@code method="dev.orderflow.common.lease.LeaseWait.call"}.
 */
@Singleton
public class LeaseWait {

    public static final String GUARD = "orderflow-lease-wait";

    @Produces
    @Identifier(GUARD)
    static final Guard WAIT = Guard.create()
            .withRetry().maxRetries(-1).delay(20, ChronoUnit.MILLIS).jitter(10, ChronoUnit.MILLIS)
            .retryOn(LeaseBusyException.class)
            .withExponentialBackoff().factor(2).maxDelay(500, ChronoUnit.MILLIS).done()
            .done()
            .build();

    /** Makes {@code attempt}'s {@link Uni} under the guard: again, from {@code attempt}, for each retry. */
    @ApplyGuard(GUARD)
    public <T> Uni<T> call(Supplier<Uni<T>> attempt) {
        return attempt.get();
    }
}
