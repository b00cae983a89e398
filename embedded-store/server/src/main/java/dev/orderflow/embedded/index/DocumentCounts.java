package dev.orderflow.embedded.index;

import java.util.List;
import java.util.Optional;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.bson.Document;

/**
 * The drivers' {@code countDocuments}, answered by the collection's count, which goes by an index where one serves
 * the query and reads nothing at all for a whole collection. The drivers send it as an {@code aggregate}:
 * {@code [{$match: query}, {$skip: n}?, {$limit: n}?, {$group: {_id: 1, n: {$sum: 1}}}]}, which mongo-java-server
 * answers by reading every document of the collection, whatever the query: each page of a listing, which counts its
 * documents, cost a read of the whole collection.
 */
public final class DocumentCounts {

    private static final Document COUNT_GROUP = new Document("_id", 1).append("n", new Document("$sum", 1));

    private DocumentCounts() {
    }

    /** The answer to {@code command} if it is a count of that shape, on a collection that exists; else empty. */
    public static Optional<Document> answer(MongoBackend backend, String database, String command, Document query) {
        if (!command.equals("aggregate") || database.equals("admin") || !(query.get(command) instanceof String name)
                || query.containsKey("let") || !(query.get("cursor") instanceof Document)
                || !(query.get("pipeline") instanceof List<?> pipeline) || pipeline.size() < 2 || pipeline.size() > 4
                || !(stage(pipeline, 0, "$match") instanceof Document match)
                || !COUNT_GROUP.equals(stage(pipeline, pipeline.size() - 1, "$group"))) {
            return Optional.empty();
        }
        int skip = 0;
        int limit = 0;
        for (Object stage : pipeline.subList(1, pipeline.size() - 1)) {
            if (skip == 0 && limit == 0 && positive(stage(stage, "$skip")) > 0) {
                skip = positive(stage(stage, "$skip"));
            } else if (limit == 0 && positive(stage(stage, "$limit")) > 0) {
                limit = positive(stage(stage, "$limit"));
            } else {
                return Optional.empty(); // anything else, as the store would answer it (or refuse it)
            }
        }
        MongoCollection<?> collection = backend.resolveDatabase(database).resolveCollection(name, false);
        if (collection == null) {
            return Optional.empty();
        }
        int count;
        synchronized (collection) { // the monitor of the collection's own reads and writes
            count = collection.count(match, skip, limit);
        }
        List<Document> batch = count == 0 ? List.of() : List.of(new Document("_id", 1).append("n", count));
        Document cursor = new Document("id", 0L).append("ns", database + "." + name).append("firstBatch", batch);
        return Optional.of(new Document("cursor", cursor).append("ok", 1.0));
    }

    /** The value if it is a whole number from 1 to {@link Integer#MAX_VALUE}, else 0. */
    private static int positive(Object value) {
        return (value instanceof Integer || value instanceof Long) && ((Number) value).longValue() > 0
                && ((Number) value).longValue() <= Integer.MAX_VALUE ? ((Number) value).intValue() : 0;
    }

    private static Object stage(List<?> pipeline, int index, String operator) {
        return stage(pipeline.get(index), operator);
    }

    /** The stage's argument, if it is a stage of that operator alone. */
    private static Object stage(Object stage, String operator) {
        return stage instanceof Document document && document.size() == 1 ? document.get(operator) : null;
    }
}
