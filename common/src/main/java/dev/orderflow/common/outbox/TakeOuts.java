package dev.orderflow.common.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import dev.orderflow.common.store.StoreRetry;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;

/**
 * Takes confirmed messages out of their documents' outboxes, many in one update: the first confirm starts a short
 * window ({@link #WINDOW}), and everything confirmed within it leaves with one {@code updateMany}. One write for a
 * window instead of one per message; the price is that a crash within the window leaves confirmed messages behind,
 * which the sweep publishes a second time, under the same id (as after a crash between confirm and take-out). Until
 * then, this instance does not publish them again when the document's next change publishes what it holds; nor for
 * {@link #LINGER} after they are out, when that change may have read the document just before the take-out. The
 * update is under the store's retry ({@link StoreRetry}), and safe to make twice: what it pulled is gone.
 */
final class TakeOuts {

    /**
     * How long confirmed messages wait for company before they are taken out: at tens of messages a second, a window of
     * 50 ms held one or two, and each cost a write; a second's gathers them all. Well below the sweep's
     * {@code republish-after} (10 s), so the sweep does not find them still there.
     */
    static final Duration WINDOW = Duration.ofSeconds(1);
    /**
     * How long taken-out messages are still not published again: a change that read its document just before the
     * take-out publishes what it read right after, well within this.
     */
    static final Duration LINGER = Duration.ofSeconds(2);
    /** The most messages one update takes out. */
    static final int MOST = 500;
    private static final Logger LOG = Logger.getLogger(TakeOuts.class);

    private record Confirmed(Object documentId, String messageId) {
    }

    private final ReactiveMongoCollection<?> collection;
    private final StoreRetry storeRetry;
    private final ConcurrentLinkedQueue<Confirmed> confirmed = new ConcurrentLinkedQueue<>();
    /**
     * The ids of the messages confirmed and not yet taken out, or taken out within {@link #LINGER}: not to be published again.
     */
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean windowOpen = new AtomicBoolean();

    TakeOuts(ReactiveMongoCollection<?> collection, StoreRetry storeRetry) {
        this.collection = collection;
        this.storeRetry = storeRetry;
    }

    /** The broker confirmed this message: it leaves its document within the window. */
    void confirmed(Object documentId, String messageId) {
        waiting.add(messageId);
        confirmed.add(new Confirmed(documentId, messageId));
        openWindow();
    }

    /** Whether the message was confirmed and waits to be taken out, or was taken out within {@link #LINGER}. */
    boolean waiting(String messageId) {
        return waiting.contains(messageId);
    }

    private void openWindow() {
        if (!confirmed.isEmpty() && windowOpen.compareAndSet(false, true)) {
            Uni.createFrom().voidItem().onItem().delayIt().by(WINDOW)
                    .chain(this::takeOutAll)
                    .subscribe().with(done -> windowClosed(), failure -> {
                        LOG.warnf("Confirmed messages not taken out of their outbox yet (%s); the sweep publishes them again",
                                failure.toString());
                        windowClosed();
                    });
        }
    }

    private void windowClosed() {
        windowOpen.set(false);
        openWindow();
    }

    /** One update per {@link #MOST} messages, one after the other, until none is left from the window. */
    private Uni<Void> takeOutAll() {
        return takeOut().chain(more -> more ? takeOutAll() : Uni.createFrom().voidItem());
    }

    /** Takes out up to {@link #MOST} messages; yields whether that was a full batch (more may wait). */
    private Uni<Boolean> takeOut() {
        Set<Object> documents = new LinkedHashSet<>();
        List<String> messages = new ArrayList<>();
        Confirmed next;
        while (messages.size() < MOST && (next = confirmed.poll()) != null) {
            documents.add(next.documentId());
            messages.add(next.messageId());
        }
        if (messages.isEmpty()) {
            return Uni.createFrom().item(false);
        }
        return storeRetry.call(() -> collection.updateMany(Filters.in("_id", documents),
                Updates.pull(Outbox.FIELD, Filters.in("messageId", messages))))
                .map(taken -> messages.size() == MOST)
                .invoke(() -> Uni.createFrom().voidItem().onItem().delayIt().by(LINGER)
                        .subscribe().with(done -> messages.forEach(waiting::remove)))
                // still in their documents: the sweep may publish them again at once
                .onFailure().invoke(() -> messages.forEach(waiting::remove));
    }
}
