package dev.orderflow.common.messaging;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.mutiny.Uni;

/** Consumes the test queue the way every service consumes its queues, and records what it saw. */
@ApplicationScoped
public class ProbeConsumer {

    static final MessageTypes TYPES = MessageTypes.of(Work.class);

    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Set<String> done = ConcurrentHashMap.newKeySet();

    private final Messaging messaging;

    ProbeConsumer(Messaging messaging) {
        this.messaging = messaging;
    }

    @Incoming("probe")
    Uni<Void> consume(Message<byte[]> message) {
        return messaging.consume(message, TYPES, envelope -> {
            Work work = (Work) envelope.payload();
            attempts.computeIfAbsent(work.id(), id -> new AtomicInteger()).incrementAndGet();
            if (work.poison()) {
                return Uni.createFrom().failure(new IllegalStateException("poison " + work.id()));
            }
            done.add(work.id());
            return Uni.createFrom().voidItem();
        });
    }

    boolean processed(Collection<String> ids) {
        return done.containsAll(ids);
    }

    int attempts(String id) {
        AtomicInteger count = attempts.get(id);
        return count == null ? 0 : count.get();
    }
}
