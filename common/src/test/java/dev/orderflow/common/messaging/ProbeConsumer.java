package dev.orderflow.common.messaging;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import io.opentelemetry.api.trace.Span;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * Consumes the test queue the way every service consumes its queues (and sends to it: {@link #send}), and records what it saw,
 * with the trace and the
 * MDC of each attempt. Work whose id starts with {@value #FLAKY} fails at its first attempt; work whose id starts with
 * {@value #UNREADABLE} fails with {@link UnreadableMessageException}; the first attempt at work whose id starts with
 * {@value #HELD} ends only when the test {@link #release}s it.
 */
@ApplicationScoped
public class ProbeConsumer {

    static final MessageTypes TYPES = MessageTypes.of(Work.class);
    static final String FLAKY = "flaky-";
    static final String UNREADABLE = "unreadable-";
    static final String HELD = "held-";
    private static final Logger LOG = Logger.getLogger(ProbeConsumer.class);

    /** What an attempt saw: the MDC's order id, and the current trace. */
    record Attempt(Object orderId, String traceId) {
    }

    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Set<String> done = ConcurrentHashMap.newKeySet();
    private final Map<String, List<Attempt>> seen = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> held = new ConcurrentHashMap<>();

    private final Messaging messaging;
    private final MutinyEmitter<byte[]> probe;

    ProbeConsumer(Messaging messaging, @Channel("probe-out") MutinyEmitter<byte[]> probe) {
        this.messaging = messaging;
        this.probe = probe;
    }

    /** Sends work to the test queue as the services send (order id {@code order-<id>}), awaiting the confirm. */
    void send(Work work, Duration deadline) {
        messaging.publish(probe, Envelope.of(work.id(), "order-" + work.id(), work)).await().atMost(deadline);
    }

    @Incoming("probe")
    Uni<Void> consume(Message<byte[]> message) {
        return messaging.consume(message, TYPES, envelope -> {
            Work work = (Work) envelope.payload();
            int attempt = attempts.computeIfAbsent(work.id(), id -> new AtomicInteger()).incrementAndGet();
            seen.computeIfAbsent(work.id(), id -> new CopyOnWriteArrayList<>())
                    .add(new Attempt(MDC.get("orderId"), Span.current().getSpanContext().getTraceId()));
            LOG.infof("Work %s, attempt %d", work.id(), attempt);
            if (work.id().startsWith(UNREADABLE)) {
                return Uni.createFrom().failure(new UnreadableMessageException("no attempt can read " + work.id()));
            }
            if (work.id().startsWith(HELD) && attempt == 1) {
                return Uni.createFrom().completionStage(held.computeIfAbsent(work.id(), id -> new CompletableFuture<>()))
                        .invoke(() -> done.add(work.id()));
            }
            if (work.poison() || work.id().startsWith(FLAKY) && attempt == 1) {
                return Uni.createFrom().failure(new IllegalStateException("poison " + work.id()));
            }
            done.add(work.id());
            return Uni.createFrom().voidItem();
        });
    }

    /** Lets the held first attempt at {@code id} end. */
    void release(String id) {
        held.computeIfAbsent(id, key -> new CompletableFuture<>()).complete(null);
    }

    boolean processed(Collection<String> ids) {
        return done.containsAll(ids);
    }

    List<Attempt> seen(String id) {
        return List.copyOf(seen.getOrDefault(id, List.of()));
    }

    int attempts(String id) {
        AtomicInteger count = attempts.get(id);
        return count == null ? 0 : count.get();
    }
}
