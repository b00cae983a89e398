package dev.orderflow.common.store;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.mongodb.MongoConnectionPoolClearedException;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoOperationTimeoutException;
import com.mongodb.MongoSocketOpenException;
import com.mongodb.MongoTimeoutException;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.faulttolerance.api.Guard;

/**
 * The retry of a store call that failed before the store carried it out, which every repository applies to all its
 * methods ({@code @ApplyGuard(StoreRetry.GUARD)} on the class): 2 retries, from 50 ms doubling up to 500 ms.
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
 * metrics, tagged with its name ({@code method="dev.orderflow.order.repository.OrderRepository.update"}).
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
