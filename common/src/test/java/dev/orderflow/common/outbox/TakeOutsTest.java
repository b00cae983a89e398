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
 * Confirmed messages leave their documents many in one update, at the end of a window; a confirmed message is not
 * published again by this instance while it waits to be taken out, nor just after: a change that read its document
 * just before the take-out publishes what it read right after, and would send it twice.
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

    @Test
    void moreThanAFullUpdateLeavesAtTheEndOfTheSameWindow() {
        UpdateResult taken = UpdateResult.acknowledged(1, 1L, null);
        ScriptedCollection store = new ScriptedCollection().answer("updateMany", taken, taken, taken);
        TakeOuts takeOuts = new TakeOuts(store.collection(), storeRetry);

        for (int i = 0; i < 2 * TakeOuts.MOST + 1; i++) {
            takeOuts.confirmed("doc-" + i, "msg-" + i);
        }

        // one update per MOST messages, one after the other: not one window each, or a faster flow would never drain
        await().atMost(TakeOuts.WINDOW.multipliedBy(2)).until(() -> store.calls("updateMany") == 3);
        assertTrue(takeOuts.waiting("msg-" + 2 * TakeOuts.MOST), "taken out within the linger: not published again");
    }
}
