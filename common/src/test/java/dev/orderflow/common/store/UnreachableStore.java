package dev.orderflow.common.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.MongoClientSettings;
import com.mongodb.ServerAddress;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;

import io.smallrye.faulttolerance.api.ApplyGuard;
import io.smallrye.mutiny.Uni;
import mutiny.zero.flow.adapters.AdaptersToFlow;

/**
 * A repository as the services have them, guarded like theirs, whose store does not answer: the real driver, pointed
 * at a port where nothing listens, finds no server within 200 ms. It counts its calls.
 */
@ApplicationScoped
@ApplyGuard(StoreRetry.GUARD)
public class UnreachableStore {

    private final AtomicInteger calls = new AtomicInteger();
    private final MongoClient client = MongoClients.create(MongoClientSettings.builder()
            .applyToClusterSettings(cluster -> cluster.hosts(List.of(new ServerAddress("127.0.0.1", closedPort())))
                    .serverSelectionTimeout(200, TimeUnit.MILLISECONDS))
            .applyToSocketSettings(socket -> socket.connectTimeout(200, TimeUnit.MILLISECONDS))
            .build());

    public Uni<Long> count() {
        calls.incrementAndGet();
        return Uni.createFrom()
                .publisher(
                        AdaptersToFlow.publisher(client.getDatabase("unreachable").getCollection("things").countDocuments()));
    }

    /** A failure the store answered with, which no retry changes. */
    public Uni<Long> conflict() {
        calls.incrementAndGet();
        return Uni.createFrom().failure(new IllegalStateException("changed by another worker"));
    }

    /** How many calls reached the method since the previous time this was asked. */
    int takeCalls() {
        return calls.getAndSet(0);
    }

    @PreDestroy
    void close() {
        client.close();
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
