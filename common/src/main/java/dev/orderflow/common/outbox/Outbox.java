package dev.orderflow.common.outbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.bson.conversions.Bson;
import org.jboss.logging.Logger;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import dev.orderflow.common.messaging.Envelope;
import dev.orderflow.common.messaging.Messaging;
import dev.orderflow.common.store.StoreRetry;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * The outbox of one kind of document: the messages its changes owe the broker ({@link PendingMessage}), stored in the
 * document itself under {@value #FIELD}. The change and its messages are one single-document update
 * ({@link #add}); the worker that made the change publishes them at once ({@link #publish}), and once the broker
 * confirmed them they leave the document, many in one update ({@link TakeOuts}); what a crash or a broker outage left
 * behind is published by {@link OutboxSweeper}. A message can thus go out twice (never zero times): its id stays the
 * same, so consumers recognise it. Either way it continues the trace of the change that caused it
 * ({@link PendingMessage#traceparent}). Its store calls are under the store's retry ({@link StoreRetry}).
 * <p>
 * A service declares one bean per kind of document, saying how to build a message from the document.
 */
public abstract class Outbox<D> {

    /** The field of a document that holds its pending messages. */
    public static final String FIELD = "outbox";
    private static final Logger LOG = Logger.getLogger(Outbox.class);

    private final ReactiveMongoCollection<D> collection;
    private final Function<D, Object> idOf;
    private final Function<D, List<PendingMessage>> pendingOf;
    private final Messaging messaging;
    private final MutinyEmitter<byte[]> channel;
    private final StoreRetry storeRetry;
    private final TakeOuts takeOuts;

    /** For the client proxy of a normal-scoped subclass only. */
    protected Outbox() {
        this(null, null, null, null, null, null);
    }

    /**
     * @param idOf the document's id, as stored in {@code _id}
     * @param pendingOf the document's pending messages, as read
     */
    protected Outbox(ReactiveMongoCollection<D> collection, Function<D, Object> idOf,
            Function<D, List<PendingMessage>> pendingOf, Messaging messaging, MutinyEmitter<byte[]> channel,
            StoreRetry storeRetry) {
        this.collection = collection;
        this.idOf = idOf;
        this.pendingOf = pendingOf;
        this.messaging = messaging;
        this.channel = channel;
        this.storeRetry = storeRetry;
        this.takeOuts = collection == null ? null : new TakeOuts(collection, storeRetry);
    }

    /** The message to publish for a pending one, built from the document as it is now. */
    protected abstract Envelope<?> message(D document, PendingMessage pending);

    /** The update that adds {@code pending} to a document's outbox, to combine with the change that causes it. */
    public static Bson add(PendingMessage pending) {
        return Updates.push(FIELD, pending.toDocument());
    }

    /** The update that adds several messages at once, as {@link #add} does. */
    public static Bson addAll(List<PendingMessage> pending) {
        return Updates.pushEach(FIELD, pending.stream().map(PendingMessage::toDocument).toList());
    }

    /**
     * Publishes the document's pending messages one after the other; each leaves the document shortly after the broker
     * confirmed it ({@link TakeOuts}). Never fails: what is not confirmed stays in the outbox for the sweep.
     */
    public Uni<Void> publish(D document) {
        return publish(document, pendingOf.apply(document));
    }

    /**
     * Publishes some of the document's pending messages, as {@link #publish(Object)} does. The messages are built at
     * once, from the document as it is now: the caller may hand the document on before the broker answers.
     */
    public Uni<Void> publish(D document, List<PendingMessage> pending) {
        Object id = idOf.apply(document);
        List<Uni<Void>> publishing = new ArrayList<>();
        for (PendingMessage message : pending) {
            if (takeOuts.waiting(message.messageId)) {
                continue; // confirmed already, on its way out
            }
            Uni<Envelope<?>> built;
            try {
                built = Uni.createFrom().item(message(document, message));
            } catch (RuntimeException e) {
                built = Uni.createFrom().failure(e);
            }
            publishing.add(publishOne(id, message, built));
        }
        return Multi.createFrom().iterable(publishing).onItem().transformToUniAndConcatenate(each -> each)
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> publishOne(Object id, PendingMessage pending, Uni<Envelope<?>> built) {
        return built.chain(message -> messaging.publishInTrace(channel, message, pending.traceparent))
                .invoke(() -> takeOuts.confirmed(id, pending.messageId))
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("%s not published yet (%s); the outbox sweep publishes it", pending, failure.toString());
                    return Uni.createFrom().voidItem();
                });
    }

    /** The outbox's name, for its metric: the collection of its documents. */
    public String name() {
        return collection.getNamespace().getCollectionName();
    }

    /**
     * Publishes the messages pending since before {@code before}, of at most {@code batch} documents, oldest first
     * (read in one go, so that the read is retried as a whole); each attempt is counted in the message. Yields how many such
     * messages it found. {@link OutboxSweeper}'s;
     * public, as every method a bean's client proxy must pass on.
     */
    public Uni<Integer> sweep(Instant before, int batch) {
        FindOptions oldestFirst = new FindOptions().filter(Filters.lt(FIELD + ".since", before))
                .sort(Sorts.ascending(FIELD + ".since")).limit(batch);
        return storeRetry.call(() -> collection.find(oldestFirst).collect().asList())
                .onItem().transformToMulti(documents -> Multi.createFrom().iterable(documents))
                .onItem().transformToUniAndConcatenate(document -> {
                    List<PendingMessage> due = pendingOf.apply(document).stream()
                            .filter(pending -> pending.since.isBefore(before)).toList();
                    return Multi.createFrom().iterable(due)
                            .onItem().transformToUniAndConcatenate(pending -> countAttempt(document, pending)
                                    .chain(() -> publish(document, List.of(pending))))
                            .collect().last().replaceWith(due.size());
                })
                .collect().with(Collectors.summingInt(Integer::intValue));
    }

    private Uni<Void> countAttempt(D document, PendingMessage pending) {
        pending.attempts++;
        if (pending.attempts > 1) {
            LOG.warnf("%s still not confirmed after %d attempts", pending, pending.attempts);
        }
        return storeRetry.call(() -> collection.updateOne(
                Filters.and(Filters.eq("_id", idOf.apply(document)), Filters.eq(FIELD + ".messageId", pending.messageId)),
                Updates.inc(FIELD + ".$.attempts", 1)))
                .replaceWithVoid();
    }
}
