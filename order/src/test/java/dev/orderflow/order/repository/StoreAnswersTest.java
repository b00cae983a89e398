package dev.orderflow.order.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.orderflow.common.store.MongoSupport;
import dev.orderflow.order.Order;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The store's retry (StoreRetry, on every repository) leaves the store's answers to the callers: a version conflict
 * and a duplicate key are tried once, on the embedded store.
 */
@QuarkusTest
class StoreAnswersTest {

    static final Duration DEADLINE = Duration.ofSeconds(10);
    static final String REPOSITORY = OrderRepository.class.getName() + ".";

    @Inject
    OrderRepository orders;

    @Inject
    MeterRegistry metrics;

    @Test
    void aVersionConflictIsNotRetried() {
        Order order = stored();
        double notRetryable = notRetryable("update");
        double retries = retries("update");

        assertThrows(ConcurrentChangeException.class,
                () -> orders.update(order, order.version + 1, List.of()).await().atMost(DEADLINE));

        assertEquals(1, notRetryable("update") - notRetryable, "one call, which ended the retry at once");
        assertEquals(0, retries("update") - retries);
    }

    @Test
    void aDuplicateKeyIsNotRetried() {
        Order order = stored();
        double notRetryable = notRetryable("persist");
        double retries = retries("persist");

        Throwable failure = assertThrows(RuntimeException.class, () -> orders.persist(orders.copy(order))
                .await().atMost(DEADLINE));

        assertTrue(MongoSupport.isDuplicateKey(failure), failure.toString());
        assertEquals(1, notRetryable("persist") - notRetryable, "one call, which ended the retry at once");
        assertEquals(0, retries("persist") - retries);
    }

    private Order stored() {
        Order order = new Order();
        order.id = "ord-" + UUID.randomUUID();
        order.customerId = "c-1";
        return orders.persist(order).await().atMost(DEADLINE);
    }

    private double notRetryable(String method) {
        Counter counter = metrics.find("ft.retry.calls.total").tags("method", REPOSITORY + method, "retried", "false",
                "retryResult", "exceptionNotRetryable").counter();
        return counter == null ? 0 : counter.count();
    }

    private double retries(String method) {
        Counter counter = metrics.find("ft.retry.retries.total").tags("method", REPOSITORY + method).counter();
        return counter == null ? 0 : counter.count();
    }
}
