package dev.orderflow.common.store;

import java.util.List;

import com.mongodb.MongoCommandException;

import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;

/**
 * The indexes a service's queries need, as a bean: {@link IndexesAtStart} creates every such bean's indexes when the
 * service starts, before it consumes any message. Creating an index that exists already does nothing, and so does
 * dropping one that is gone.
 */
public interface StoreIndexes {

    /** One {@code createIndex} call per index; nothing is created until they are subscribed to. */
    List<Uni<String>> indexes();

    /**
     * Indexes that an earlier version created and that no query needs any more, dropped at start after the new ones
     * are in place ({@link #drop}): each would cost every write of its collection and serve nothing.
     */
    default List<Uni<Void>> superseded() {
        return List.of();
    }

    /** Drops the collection's index of that name, if it has one (MongoDB's IndexNotFound, 27, is none to drop). */
    static Uni<Void> drop(ReactiveMongoCollection<?> collection, String name) {
        return collection.dropIndex(name)
                .onFailure(failure -> failure instanceof MongoCommandException command && command.getErrorCode() == 27)
                .recoverWithNull();
    }
}
