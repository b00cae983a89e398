package dev.orderflow.common.outbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.mongodb.client.result.UpdateResult;

import dev.orderflow.common.store.StoreRetry;
import dev.orderflow.common.testing.ScriptedCollection;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A confirmed message is not published again by this instance while it waits to be taken out, nor just after: a change
 * that read its document just before the take-out publishes what it read right after, and would send it twice.
 */
@QuarkusTest
class TakeOutsTest {

    static final Duration DEADLINE = Duration.ofSeconds(10);

    @Inject
    StoreRetry storeRetry;

    @Test
    void aMessageTakenOutIsNotPublishedAgainForAWhile() {
        ScriptedCollection store = new ScriptedCollection().answer("updateMany", UpdateResult.acknowledged(1, 1L, null));
        TakeOuts takeOuts = new TakeOuts(store.collection(), storeRetry);

        takeOuts.confirmed("doc-1", "msg-1");
        assertTrue(takeOuts.waiting("msg-1"), "confirmed, on its way out");

        await().atMost(DEADLINE).until(() -> store.calls("updateMany") == 1);
        await().during(Duration.ofMillis(300)).atMost(TakeOuts.LINGER).until(() -> takeOuts.waiting("msg-1"));
        await().atMost(DEADLINE).until(() -> !takeOuts.waiting("msg-1"));
    }
}
