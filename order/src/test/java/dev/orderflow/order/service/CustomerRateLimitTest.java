package dev.orderflow.order.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.orderflow.common.rest.ProblemException;

/** The token buckets, on a clock the test moves. */
class CustomerRateLimitTest {

    final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void takesABurstOfTheRateThenOneOrderPerIntervalAndSaysWhenTheNextIsTaken() {
        CustomerRateLimit limit = new CustomerRateLimit(2, 100, now::get);
        limit.admit("ada");
        limit.admit("ada");

        ProblemException refused = assertThrows(ProblemException.class, () -> limit.admit("ada"));
        assertEquals(429, refused.status());
        assertEquals(Duration.ofMillis(500), refused.retryAfter().orElseThrow());

        limit.admit("bob");
        now.addAndGet(Duration.ofMillis(499).toNanos());
        assertThrows(ProblemException.class, () -> limit.admit("ada"));
        now.addAndGet(Duration.ofMillis(1).toNanos());
        limit.admit("ada");
    }

    @Test
    void aFractionalRateWaitsLonger() {
        CustomerRateLimit limit = new CustomerRateLimit(0.5, 100, now::get);
        limit.admit("ada");

        assertEquals(Duration.ofSeconds(2), assertThrows(ProblemException.class, () -> limit.admit("ada")).retryAfter()
                .orElseThrow());
    }

    @Test
    void keepsAtMostItsBoundOfCustomersDroppingThoseWhoseAllowanceIsWholeAgain() {
        CustomerRateLimit limit = new CustomerRateLimit(1, 3, now::get);
        limit.admit("a");
        limit.admit("b");
        limit.admit("c");

        // every bucket in use: a fourth customer waits until one is whole again
        ProblemException refused = assertThrows(ProblemException.class, () -> limit.admit("d"));
        assertEquals(429, refused.status());
        assertEquals(3, limit.customers());

        now.addAndGet(Duration.ofSeconds(1).toNanos());
        limit.admit("d");
        assertEquals(1, limit.customers(), "a, b and c were idle, and dropped for d");
    }

    @Test
    void zeroTakesEveryOrder() {
        CustomerRateLimit limit = new CustomerRateLimit(0, 1, now::get);
        for (int i = 0; i < 1000; i++) {
            limit.admit("ada");
            limit.admit("customer-" + i);
        }
        assertEquals(0, limit.customers());
    }
}
