package dev.orderflow.embedded.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.memory.index.MemoryUniqueIndex;
import de.bwaldvogel.mongo.bson.Document;

/** What each index finds for a query, and which queries it leaves to a scan. */
class IndexesTest {

    @Test
    void aUniqueIndexServesQueriesThatPinItsFieldsAmongOtherConditions() {
        List<IndexKey> id = List.of(new IndexKey("_id", true));
        EqualityIndex<Integer> index = new EqualityIndex<>(new MemoryUniqueIndex("_id_", id, false), "_id_", id, false);
        index.add(doc("_id", "a").append("version", 1), 0, null);
        index.add(doc("_id", "b").append("version", 1), 1, null);

        assertTrue(index.canHandle(doc("_id", "b")));
        assertTrue(index.canHandle(doc("_id", "b").append("version", 1)));
        assertEquals(List.of(1), positions(index.getPositions(doc("_id", "b").append("version", 1))));
        assertEquals(List.of(), positions(index.getPositions(doc("_id", "c").append("version", 1))));
        Document and = doc("$and", List.of(doc("_id", "b"), doc("version", 1))); // what the driver sends for Filters.and
        assertTrue(index.canHandle(and));
        assertEquals(List.of(1), positions(index.getPositions(and)));
        assertEquals(List.of(0), positions(index.getPositions(doc("$and", List.of(doc("$and", List.of(doc("_id", "a"))))))));

        assertFalse(index.canHandle(doc("version", 1)), "no _id: a scan");
        assertFalse(index.canHandle(doc("_id", doc("$gt", "a")).append("version", 1)), "a range on _id: as before");
        assertFalse(index.canHandle(doc("_id", null).append("version", 1)));
    }

    @Test
    void aSecondaryIndexFindsByValueByListAndByRangeOfItsFirstField() {
        SecondaryIndex<Integer> index = new SecondaryIndex<>("status_1_deadline_1",
                List.of(new IndexKey("status", true), new IndexKey("deadline", true)), false);
        index.add(doc("_id", "o-0").append("status", "PENDING").append("deadline", 10), 0, null);
        index.add(doc("_id", "o-1").append("status", "PENDING").append("deadline", 20), 1, null);
        index.add(doc("_id", "o-2").append("status", "CONFIRMED"), 2, null);
        index.add(doc("_id", "o-3"), 3, null);

        assertEquals(List.of(0, 1), positions(index.getPositions(doc("status", "PENDING").append("deadline", doc("$lt", 15)))),
                "the first field narrows; the store checks the deadline");
        assertEquals(List.of(0, 1, 2),
                positions(index.getPositions(doc("status", doc("$in", List.of("PENDING", "CONFIRMED", "CANCELLED"))))));
        assertEquals(List.of(2), positions(index.getPositions(doc("status", doc("$lt", "D")))));
        assertEquals(List.of(0, 1, 2), positions(index.getPositions(doc("status", doc("$gt", "COMPENSATING")))));
        assertEquals(List.of(0, 1), positions(index.getPositions(doc("status", doc("$gte", "D").append("$lte", "Q")))));
        assertEquals(List.of(), positions(index.getPositions(doc("status", "CANCELLED"))));
        assertEquals(List.of(0, 1), positions(index.getPositions(doc("$and",
                List.of(doc("status", doc("$in", List.of("PENDING", "COMPENSATING"))), doc("deadline", doc("$lt", 15)))))));
        assertEquals(List.of(2), positions(index.getPositions(doc("$and",
                List.of(doc("status", doc("$ne", "PENDING")), doc("status", "CONFIRMED"))))),
                "the usable one of two conditions");

        assertFalse(index.canHandle(doc("deadline", doc("$lt", 15))), "not on the first field");
        assertFalse(index.canHandle(doc("status", doc("$ne", "PENDING"))));
        assertFalse(index.canHandle(doc("status", doc("$exists", true))));
        assertFalse(index.canHandle(doc("status", null)), "null also matches documents without the field");
        assertFalse(index.canHandle(doc("status", doc("$in", List.of("PENDING", List.of("x"))))));
        assertFalse(index.canHandle(doc("$or", List.of(doc("status", "PENDING"), doc("x", 1)))), "either may hold");
    }

    @Test
    void aSecondaryIndexFollowsUpdatesRemovalsAndArrays() {
        SecondaryIndex<Integer> index = new SecondaryIndex<>("holds.at_1", List.of(new IndexKey("holds.at", true)), false);
        Document held = doc("_id", "p-1").append("holds", List.of(doc("at", 5), doc("at", 50)));
        index.add(held, 0, null);
        index.add(doc("_id", "p-2").append("holds", List.of()), 1, null);

        assertEquals(List.of(0), positions(index.getPositions(doc("holds.at", doc("$lt", 10)))), "one entry per element");
        assertEquals(List.of(0), positions(index.getPositions(doc("holds.at", doc("$gt", 40)))));

        Document released = doc("_id", "p-1").append("holds", List.of(doc("at", 50)));
        index.updateInPlace(held, released, 0, null);
        assertEquals(List.of(), positions(index.getPositions(doc("holds.at", doc("$lt", 10)))));
        assertEquals(List.of(0), positions(index.getPositions(doc("holds.at", 50))));

        assertEquals(0, index.remove(released));
        assertEquals(List.of(), positions(index.getPositions(doc("holds.at", 50))));
        assertEquals(1, index.remove(doc("_id", "p-2").append("holds", List.of())), "a document without values is known");
        assertTrue(index.isEmpty());
        assertNull(index.getPosition(released), "the _id index locates documents");
    }

    @Test
    void aSortedQueryIsReadAlongAnIndexWithItsOrderAndOnlyAsFarAsThePage() {
        SecondaryIndex<Integer> index = new SecondaryIndex<>("createdAt_-1__id_-1",
                List.of(new IndexKey("createdAt", false), new IndexKey("_id", false)), false);
        List<Document> documents = new ArrayList<>();
        // two documents a time, which the id orders; more times than a walk copies at once (IndexOrder.RUN)
        for (int i = 0; i < 300; i++) {
            documents.add(doc("_id", String.format("o-%03d", i)).append("createdAt", i / 2).append("odd", i % 2 == 1));
            index.add(documents.get(i), i, null);
        }
        Document newestFirst = doc("createdAt", -1).append("_id", -1);
        List<Integer> reads = new ArrayList<>();
        Function<Integer, Document> read = position -> {
            reads.add(position);
            return documents.get(position);
        };

        IndexOrder.Walk page = IndexOrder.walk(List.of(index), () -> 300, doc("tag", "x"), newestFirst, 20, read).orElseThrow();
        assertEquals(20, page.skip(), "with a query, the store matches the documents before the page");
        assertEquals(List.of("o-279", "o-278", "o-277"), ids(page.documents().skip(page.skip()).limit(3)),
                "the third page of ten");
        assertEquals(24, reads.size(), "no further than the page: the last time's other document, and none after");

        reads.clear();
        IndexOrder.Walk skipped = IndexOrder.walk(List.of(index), () -> 300, new Document(), newestFirst, 21, read)
                .orElseThrow();
        assertEquals(1, skipped.skip(), "with no query, the ten times before the page are passed unread");
        assertEquals(List.of("o-278", "o-277"), ids(skipped.documents().skip(skipped.skip()).limit(2)));
        assertEquals(4, reads.size());

        reads.clear();
        IndexOrder.Walk far = IndexOrder.walk(List.of(index), () -> 300, new Document(), newestFirst, 295, read).orElseThrow();
        assertEquals(List.of("o-004", "o-003", "o-002", "o-001", "o-000"), ids(far.documents().skip(far.skip())),
                "past the index's first runs of values");
        assertEquals(6, reads.size());
        IndexOrder.Walk all = IndexOrder.walk(List.of(index), () -> 300, doc("tag", "x"), newestFirst, 0, read).orElseThrow();
        assertEquals(300, all.documents().count(), "every run, each value once");

        IndexOrder.Walk oldestFirst = IndexOrder.walk(List.of(index), () -> 300, new Document(),
                doc("createdAt", 1).append("_id", 1), 0, read).orElseThrow();
        assertEquals(List.of("o-000", "o-001", "o-002"), ids(oldestFirst.documents().limit(3)), "the index reversed");
        assertTrue(IndexOrder.walk(List.of(index), () -> 300, new Document(), doc("createdAt", -1), 0, read).isPresent(),
                "a prefix of the index");

        assertFalse(IndexOrder.walk(List.of(index), () -> 300, new Document(), doc("createdAt", -1).append("_id", 1), 0, read)
                .isPresent(), "one field reversed: not the index's order");
        assertFalse(IndexOrder.walk(List.of(index), () -> 300, new Document(), doc("_id", -1), 0, read).isPresent());
        assertFalse(IndexOrder.walk(List.of(index), () -> 301, new Document(), newestFirst, 0, read).isPresent(),
                "a document the index does not hold");
        Document undated = doc("_id", "o-300");
        index.add(undated, 300, null);
        assertFalse(IndexOrder.walk(List.of(index), () -> 301, new Document(), newestFirst, 0, read).isPresent(),
                "a document without the field sorts as null (last, newest first), where the index has nothing");
        index.remove(undated);
        SecondaryIndex<Integer> byOdd = new SecondaryIndex<>("odd_1", List.of(new IndexKey("odd", true)), false);
        assertFalse(IndexOrder.walk(List.of(byOdd, index), () -> 300, doc("odd", true), newestFirst, 0, read).isPresent(),
                "an index that narrows the query comes first");
        assertTrue(IndexOrder.walk(List.of(index), () -> 300, new Document(), newestFirst, 0, read).isPresent());
    }

    private static List<String> ids(Stream<Document> documents) {
        return documents.map(document -> (String) document.get("_id")).toList();
    }

    private static List<Integer> positions(Iterable<Integer> positions) {
        List<Integer> list = new ArrayList<>();
        positions.forEach(list::add);
        list.sort(null);
        return list;
    }

    private static Document doc(String key, Object value) {
        return new Document(key, value);
    }
}
