package dev.orderflow.common.lease;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;

import jakarta.inject.Inject;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoCommandException;
import com.mongodb.client.result.UpdateResult;

import dev.orderflow.common.store.StoreRetry;
import dev.orderflow.common.testing.ScriptedCollection;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The lease's store calls are under the store's retry (in the tests 1 retry, 5 ms later): taking and giving back are
 * made again after a failure before the store acted; a lease another worker holds, or an answer of the store, is not
 * tried again by the retry.
 */
@QuarkusTest
class LeaseStoreRetryTest {

    static final Duration DEADLINE = Duration.ofSeconds(10);

    @Inject
    StoreRetry storeRetry;

    @Inject
    LeaseWait leaseWait;

    @Test
    void aLeaseIsTakenWhenTheStoreCouldNotBeReachedAtFirst() {
        Document held = new Document("_id", "doc-1");
        ScriptedCollection store = new ScriptedCollection().answer("findOneAndUpdate", ScriptedCollection.noServer(), held);

        Document taken = lease().take(store.<Document> collection(), "doc-1", "worker-1").await().atMost(DEADLINE);

        assertSame(held, taken);
        assertEquals(2, store.calls("findOneAndUpdate"), "the conditional update and its retry");
    }

    @Test
    void aLeaseAnotherWorkerHoldsIsNotTriedAgainByTheStoreRetry() {
        ScriptedCollection store = new ScriptedCollection().answer("findOneAndUpdate", ScriptedCollection.NOTHING);

        assertThrows(LeaseBusyException.class,
                () -> lease().take(store.<Document> collection(), "doc-1", "worker-1").await().atMost(DEADLINE));

        assertEquals(1, store.calls("findOneAndUpdate"));
    }

    @Test
    void aLeaseIsGivenBackWhenTheStoreCouldNotBeReachedAtFirst() {
        ScriptedCollection store = new ScriptedCollection().answer("updateOne", ScriptedCollection.noServer(),
                UpdateResult.acknowledged(1, 1L, null));

        lease().giveBack(store.<Document> collection(), "doc-1", "worker-1").await().atMost(DEADLINE);

        assertEquals(2, store.calls("updateOne"));
    }

    @Test
    void aGiveBackTheStoreRefusedIsNotMadeAgain() {
        ScriptedCollection store = new ScriptedCollection().answer("updateOne", ScriptedCollection.answered());

        assertThrows(MongoCommandException.class,
                () -> lease().giveBack(store.<Document> collection(), "doc-1", "worker-1").await().atMost(DEADLINE));

        assertEquals(1, store.calls("updateOne"));
    }

    private Lease lease() {
        return new Lease(Duration.ofSeconds(10), Clock.systemUTC(), storeRetry, leaseWait);
    }
}
