package dev.orderflow.common.lease;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;

import jakarta.inject.Inject;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import dev.orderflow.common.store.StoreRetry;
import dev.orderflow.common.testing.Meters;
import dev.orderflow.common.testing.ScriptedCollection;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

/**
 * The wait for another worker's lease is fault tolerance's retry ({@link LeaseWait}), set through its
 * {@code quarkus.fault-tolerance."orderflow-lease-wait"} keys (in the tests 3 retries, 5 ms apart, where the default
 * has no bound on the retries) and counted in its {@code ft_*} metrics; the lease's duration and a second bound it too.
 */
@QuarkusTest
class LeaseWaitTest {

    static final Duration DEADLINE = Duration.ofSeconds(10);
    static final String METHOD = LeaseWait.class.getName() + ".call";

    @Inject
    StoreRetry storeRetry;

    @Inject
    LeaseWait leaseWait;

    @Inject
    MeterRegistry metrics;

    @Test
    void aLeaseAnotherWorkerGivesBackIsTakenAfterWaiting() {
        Document held = new Document("_id", "doc-1");
        ScriptedCollection store = new ScriptedCollection().answer("findOneAndUpdate", ScriptedCollection.NOTHING,
                ScriptedCollection.NOTHING, held);
        double retries = Meters.count(metrics, "ft.retry.retries.total", "method", METHOD);

        Document taken = waitToTake(lease(Duration.ofSeconds(10)), store).await().atMost(DEADLINE);

        assertSame(held, taken);
        assertEquals(3, store.calls("findOneAndUpdate"), "two busy answers, then the lease");
        assertEquals(2, Meters.count(metrics, "ft.retry.retries.total", "method", METHOD) - retries);
    }

    @Test
    void theWaitEndsAfterTheConfiguredRetries() {
        ScriptedCollection store = new ScriptedCollection().answer("findOneAndUpdate", ScriptedCollection.NOTHING,
                ScriptedCollection.NOTHING, ScriptedCollection.NOTHING, ScriptedCollection.NOTHING);
        double gaveUp = Meters.count(metrics, "ft.retry.calls.total", "method", METHOD, "retried", "true",
                "retryResult", "maxRetriesReached");

        assertThrows(LeaseBusyException.class,
                () -> waitToTake(lease(Duration.ofSeconds(10)), store).await().atMost(DEADLINE));

        assertEquals(4, store.calls("findOneAndUpdate"), "the attempt and the 3 retries the key allows");
        assertEquals(1, Meters.count(metrics, "ft.retry.calls.total", "method", METHOD, "retried", "true",
                "retryResult", "maxRetriesReached") - gaveUp);
    }

    @Test
    void theWaitEndsWithTheLeasesDurationAndASecond() {
        ScriptedCollection store = new ScriptedCollection().answer("findOneAndUpdate", ScriptedCollection.NOTHING,
                ScriptedCollection.NOTHING);

        // a lease of minus a second: the wait is over as soon as it started
        assertThrows(LeaseBusyException.class,
                () -> waitToTake(lease(Duration.ofSeconds(-1)), store).await().atMost(DEADLINE));

        assertEquals(1, store.calls("findOneAndUpdate"), "no retry past the bound");
    }

    private static Uni<Document> waitToTake(Lease lease, ScriptedCollection store) {
        return lease.waitingForOthers(
                Uni.createFrom().deferred(() -> lease.take(store.<Document> collection(), "doc-1", Lease.newOwner())));
    }

    private Lease lease(Duration duration) {
        return new Lease(duration, Clock.systemUTC(), storeRetry, leaseWait);
    }
}
