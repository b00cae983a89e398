package dev.orderflow.common.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.MongoCommandException;
import com.mongodb.client.result.UpdateResult;

import dev.orderflow.common.messaging.Envelope;
import dev.orderflow.common.store.StoreRetry;
import dev.orderflow.common.testing.ScriptedCollection;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The outbox's store calls are under the store's retry (in the tests 1 retry, 5 ms later): the sweep's read and the
 * take-out of confirmed messages are made again after a failure before the store acted, not after an answer of the
 * store.
 */
@QuarkusTest
class OutboxStoreRetryTest {

    static final Duration DEADLINE = Duration.ofSeconds(10);

    @Inject
    StoreRetry storeRetry;

    @Test
    void theSweepReadsAgainWhenTheStoreCouldNotBeReached() {
        ScriptedCollection store = new ScriptedCollection().answer("find", ScriptedCollection.noServer(), List.of());

        int waiting = outbox(store).sweep(Instant.now(), 10).await().atMost(DEADLINE);

        assertEquals(0, waiting);
        assertEquals(2, store.calls("find"), "the read and its retry");
    }

    @Test
    void theSweepDoesNotReadAgainWhenTheStoreAnswered() {
        ScriptedCollection store = new ScriptedCollection().answer("find", ScriptedCollection.answered());

        assertThrows(MongoCommandException.class, () -> outbox(store).sweep(Instant.now(), 10).await().atMost(DEADLINE));

        assertEquals(1, store.calls("find"));
    }

    @Test
    void confirmedMessagesAreTakenOutWhenTheStoreCouldNotBeReachedAtFirst() {
        ScriptedCollection store = new ScriptedCollection().answer("updateMany", ScriptedCollection.noServer(),
                UpdateResult.acknowledged(1, 1L, null));
        TakeOuts takeOuts = new TakeOuts(store.collection(), storeRetry);

        takeOuts.confirmed("doc-1", "msg-1");

        await().atMost(DEADLINE).until(() -> !takeOuts.waiting("msg-1"));
        assertEquals(2, store.calls("updateMany"), "the take-out and its retry");
    }

    @Test
    void aTakeOutTheStoreRefusedIsNotMadeAgain() {
        ScriptedCollection store = new ScriptedCollection().answer("updateMany", ScriptedCollection.answered());
        TakeOuts takeOuts = new TakeOuts(store.collection(), storeRetry);

        takeOuts.confirmed("doc-1", "msg-1");

        await().atMost(DEADLINE).until(() -> !takeOuts.waiting("msg-1"));
        assertEquals(1, store.calls("updateMany"), "left to the sweep, which publishes the message again");
    }

    private Outbox<Document> outbox(ScriptedCollection store) {
        return new Outbox<>(store.collection(), document -> document.get("_id"), document -> List.of(), null, null,
                storeRetry) {
            @Override
            protected Envelope<?> message(Document document, PendingMessage pending) {
                throw new UnsupportedOperationException("nothing is pending");
            }
        };
    }
}
