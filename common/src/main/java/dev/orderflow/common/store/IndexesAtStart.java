package dev.orderflow.common.store;

import java.time.Duration;
import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * Creates the service's indexes ({@link StoreIndexes} beans) at start-up, just before the messaging channels start
 * consuming ({@code LIBRARY_BEFORE}): a unique index that does not exist yet would let a duplicate in. It waits for
 * them, at most {@link #TIMEOUT}, each under the store's retry ({@link StoreRetry}; creating an index that exists is
 * a no-op), then drops the indexes they supersede (a drop that fails is logged, not fatal): this runs once, on the
 * main thread at start, never on a request or an event loop.
 */
@ApplicationScoped
public class IndexesAtStart {

    static final int BEFORE_MESSAGING = Interceptor.Priority.LIBRARY_BEFORE - 1;
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Logger LOG = Logger.getLogger(IndexesAtStart.class);

    void onStart(@Observes @Priority(BEFORE_MESSAGING) StartupEvent start, Instance<StoreIndexes> declared,
            StoreRetry storeRetry) {
        List<Uni<String>> indexes = declared.stream().flatMap(set -> set.indexes().stream())
                .map(index -> storeRetry.call(() -> index)).toList();
        if (!indexes.isEmpty()) {
            Uni.join().all(indexes).andFailFast().await().atMost(TIMEOUT);
            LOG.debugf("%d indexes in place", indexes.size());
        }
        // an index left over only costs writes: a drop that fails is logged, and the service starts
        List<Uni<Void>> superseded = declared.stream().flatMap(set -> set.superseded().stream())
                .map(drop -> storeRetry.call(() -> drop).onFailure().recoverWithItem(failure -> {
                    LOG.warnf("an index no query needs any more was not dropped: %s", failure.toString());
                    return null;
                })).toList();
        if (!superseded.isEmpty()) {
            Uni.join().all(superseded).andFailFast().await().atMost(TIMEOUT);
        }
    }
}
