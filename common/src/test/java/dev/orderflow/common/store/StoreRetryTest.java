package dev.orderflow.common.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoSocketReadException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A store call that failed before the store acted is retried (StoreRetry: in the tests 1 retry, 5 ms later, through
 * its {@code quarkus.fault-tolerance."orderflow-store"} keys); an answer of the store is not.
 */
@QuarkusTest
class StoreRetryTest {

    static final Duration DEADLINE = Duration.ofSeconds(10);
    static final String METHOD = UnreachableStore.class.getName() + ".";

    @Inject
    UnreachableStore store;

    @Inject
    MeterRegistry metrics;

    @BeforeEach
    void noCallsYet() {
        store.takeCalls();
    }

    @Test
    void aStoreThatCannotBeReachedIsTriedAgainThenTheFailureIsTheCallers() {
        double retries = counter("ft.retry.retries.total", "count");

        Throwable failure = assertThrows(MongoTimeoutException.class, () -> store.count().await().atMost(DEADLINE));

        assertEquals(2, store.takeCalls(), "the call and 1 retry, as configured: " + failure.getMessage());
        assertEquals(1, counter("ft.retry.retries.total", "count") - retries);
    }

    @Test
    void anAnswerOfTheStoreIsNotRetried() {
        double notRetryable = counter("ft.retry.calls.total", "conflict", "retried", "false", "retryResult",
                "exceptionNotRetryable");

        assertThrows(IllegalStateException.class, () -> store.conflict().await().atMost(DEADLINE));

        assertEquals(1, store.takeCalls());
        assertEquals(1, counter("ft.retry.calls.total", "conflict", "retried", "false", "retryResult",
                "exceptionNotRetryable") - notRetryable);
    }

    @Test
    void onlyFailuresBeforeTheStoreActedCount() {
        ServerAddress store = new ServerAddress("127.0.0.1", 1);
        assertTrue(StoreRetry.beforeTheStoreActed(new MongoTimeoutException("no server")));
        assertTrue(StoreRetry.beforeTheStoreActed(new IllegalStateException(new MongoTimeoutException("no server"))));
        // a socket that broke under a command: the write may have been carried out
        assertFalse(StoreRetry.beforeTheStoreActed(new MongoSocketReadException("reset", store)));
    }

    private double counter(String name, String method, String... tags) {
        Counter counter = metrics.find(name).tag("method", METHOD + method).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }
}
