package dev.orderflow.common.store;

import java.util.List;

import io.smallrye.mutiny.Uni;

/**
 * The indexes a service's queries need, as a bean: {@link IndexesAtStart} creates every such bean's indexes when the
 * service starts, before it consumes any message. Creating an index that exists already does nothing.
 */
public interface StoreIndexes {

    /** One {@code createIndex} call per index; nothing is created until they are subscribed to. */
    List<Uni<String>> indexes();
}
