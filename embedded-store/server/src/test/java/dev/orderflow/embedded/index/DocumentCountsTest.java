package dev.orderflow.embedded.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;

/** Which aggregates are answered as counts, and what the answer says: what the drivers read for countDocuments. */
class DocumentCountsTest {

    private static final Document GROUP = new Document("$group", new Document("_id", 1).append("n", new Document("$sum", 1)));

    @Test
    void theDriversCountIsAnsweredByTheCollectionsCount() {
        MemoryBackend backend = IndexedBackends.inMemory();
        MongoCollection<?> orders = backend.resolveDatabase("shop").createCollectionOrThrowIfExists("orders");
        for (int i = 0; i < 30; i++) {
            orders.addDocument(new Document("_id", "o-" + i).append("status", i % 3 == 0 ? "CANCELLED" : "CONFIRMED"));
        }

        assertEquals(30, n(count(backend, new Document())));
        assertEquals(10, n(count(backend, new Document("status", "CANCELLED"))));
        assertEquals(7, n(count(backend, new Document("status", "CANCELLED"), new Document("$skip", 3))));
        assertEquals(5, n(count(backend, new Document(), new Document("$skip", 25L), new Document("$limit", 10))));
        assertEquals(4, n(count(backend, new Document(), new Document("$limit", 4))));
        Document none = count(backend, new Document("status", "NEW"));
        assertEquals(List.of(), cursor(none).get("firstBatch"), "no group, as MongoDB answers a count of nothing");
        assertEquals("shop.orders", cursor(none).get("ns"));
        assertEquals(0L, cursor(none).get("id"));
        assertEquals(1.0, none.get("ok"));
    }

    @Test
    void anyOtherAggregateIsTheStoresToAnswer() {
        MemoryBackend backend = IndexedBackends.inMemory();
        backend.resolveDatabase("shop").createCollectionOrThrowIfExists("orders");
        Document match = new Document("$match", new Document());

        assertTrue(answer(backend, "shop", List.of(match, new Document("$group", new Document("_id", "$status")))).isEmpty());
        assertTrue(answer(backend, "shop", List.of(match, new Document("$project", new Document("_id", 1)), GROUP)).isEmpty());
        assertTrue(answer(backend, "shop", List.of(match, new Document("$limit", 0), GROUP)).isEmpty(), "MongoDB refuses it");
        assertTrue(answer(backend, "shop", List.of(match, new Document("$skip", 1.5), GROUP)).isEmpty());
        assertTrue(answer(backend, "shop", List.of(match, new Document("$limit", 1), new Document("$skip", 1), GROUP))
                .isEmpty(), "a skip after the limit");
        assertTrue(answer(backend, "shop", List.of(GROUP)).isEmpty());
        assertTrue(answer(backend, "admin", List.of(match, GROUP)).isEmpty());
        assertTrue(DocumentCounts.answer(backend, "shop", "aggregate", aggregate(List.of(match, GROUP)).append("let",
                new Document("x", 1))).isEmpty(), "variables");
        Document noCursor = aggregate(List.of(match, GROUP));
        noCursor.remove("cursor");
        assertTrue(DocumentCounts.answer(backend, "shop", "aggregate", noCursor).isEmpty());
        assertTrue(DocumentCounts.answer(backend, "shop", "aggregate", aggregate(List.of(match, GROUP)).append("aggregate",
                "missing")).isEmpty(), "a collection that does not exist");
        assertTrue(DocumentCounts.answer(backend, "shop", "find", new Document("find", "orders")).isEmpty());
        assertTrue(answer(backend, "shop", List.of(match, GROUP)).isPresent());
    }

    private static Document count(MemoryBackend backend, Document query, Document... between) {
        List<Object> pipeline = new java.util.ArrayList<>();
        pipeline.add(new Document("$match", query));
        pipeline.addAll(List.of(between));
        pipeline.add(GROUP);
        return answer(backend, "shop", pipeline).orElseThrow();
    }

    private static java.util.Optional<Document> answer(MemoryBackend backend, String database, List<?> pipeline) {
        return DocumentCounts.answer(backend, database, "aggregate", aggregate(pipeline));
    }

    private static Document aggregate(List<?> pipeline) {
        return new Document("aggregate", "orders").append("pipeline", pipeline).append("cursor", new Document());
    }

    private static Document cursor(Document answer) {
        return (Document) answer.get("cursor");
    }

    @SuppressWarnings("unchecked")
    private static int n(Document answer) {
        List<Document> batch = (List<Document>) cursor(answer).get("firstBatch");
        assertEquals(1, batch.size());
        assertEquals(1, batch.get(0).get("_id"));
        return (Integer) batch.get(0).get("n");
    }
}
