package dev.orderflow.embedded.index;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import de.bwaldvogel.mongo.bson.Document;

/** The conditions a query sets on one field, as an index can see them. */
final class Conditions {

    private Conditions() {
    }

    /**
     * A condition of {@code query} on {@code field} that {@code usable} accepts, at the top of the query or in a
     * top-level {@code $and} (nested ones included): each of those must hold, so documents found by any one of them
     * include every answer.
     */
    static Optional<Object> on(Document query, String field, Predicate<Object> usable) {
        Object condition = query.get(field);
        if (query.containsKey(field) && usable.test(condition)) {
            return Optional.of(condition);
        }
        if (query.get("$and") instanceof List<?> conjuncts) {
            for (Object conjunct : conjuncts) {
                if (conjunct instanceof Document part) {
                    Optional<Object> found = on(part, field, usable);
                    if (found.isPresent()) {
                        return found;
                    }
                }
            }
        }
        return Optional.empty();
    }
}
