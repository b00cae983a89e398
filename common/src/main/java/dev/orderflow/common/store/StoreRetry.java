package dev.orderflow.common.store;

import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoOperationTimeoutException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.faulttolerance.api.ApplyGuard;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;

/**
 * The retry of a store call that failed before the store carried it out: 2 retries, from 50 ms doubling up to 500 ms.
 * Every store call is under it: a repository's methods, Panache's and its own ({@code @ApplyGuard(StoreRetry.GUARD)}
 * on the class), and every call made on a collection outside them, through {@link #call} (the outboxes, the leases,
 * the conditional updates, the indexes at start, the listings' queries).
 * <p>
 * Retried are only failures where the command surely had no effect: no server could be selected in time, the socket
 * could not be opened, the connection pool was cleared, or the server refused the command because it is no longer (or
 * not yet) the primary. Never retried are the answers the callers handle themselves, a duplicate key and a version
 * conflict (the saga's and the participants' own concern), and neither is a socket that broke, or a read that timed
 * out, while a command was under way: a write may have been carried out, and only the driver's retryable writes
 * ({@code retryWrites}, on a replica set) can repeat it safely. A message handler that fails on any of them is retried
 * as a whole, idempotently (HandlerRetry, then the broker's redeliveries).
 * <p>
 * Each setting is a fault tolerance key, for instance
 * {@code quarkus.fault-tolerance."orderflow-store".retry.max-retries}; each repository method has its {@code ft_*}
 * metrics, tagged with its name ({@code method="dev.orderflow.order.repository.OrderRepository.update"}); the calls
 * through {@link #call} share {@code method="dev.orderflow.common.store.StoreRetry.call"}.
 */
@Singleton
public class StoreRetry {

    public static final String GUARD = "orderflow-store";

    @Produces
    @Identifier(GUARD)
    static final Guard STORE = Guard.create()
            .withRetry().maxRetries(2).delay(50, ChronoUnit.MILLIS).jitter(25, ChronoUnit.MILLIS)
            .whenException(StoreRetry::beforeTheStoreActed)
            .withExponentialBackoff().factor(2).maxDelay(500, ChronoUnit.MILLIS).done()
            .done()
            .build();

    /**
     * Makes a store call under the guard: {@code storeCall} gives the call's {@link Uni}, again for each retry. For the
     * calls made on a collection ({@code mongoCollection()}) or a query, which a repository's guard does not reach.
     */
    @ApplyGuard(GUARD)
    public <T> Uni<T> call(Supplier<Uni<T>> storeCall) {
        return storeCall.get();
    }

    /** Whether the failure, or one of its causes, says the command never reached a store that could carry it out. */
    public static boolean beforeTheStoreActed(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MongoTimeoutException && !(cause instanceof MongoOperationTimeoutException)
                    || cause instanceof MongoSocketOpenException
                    || cause instanceof MongoConnectionPoolClearedException
                    || cause instanceof MongoNotPrimaryException
                    || cause instanceof MongoNodeIsRecoveringException) {
                return true;
            }
        }
        return false;
    }
}
