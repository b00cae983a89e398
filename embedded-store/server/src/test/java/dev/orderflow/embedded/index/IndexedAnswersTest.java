package dev.orderflow.embedded.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import dev.orderflow.embedded.EmbeddedStore;

/**
 * Indexes change how documents are found, never what is found: the same documents, changed the same way, in a
 * collection with the services' kinds of indexes and in one without any, answer every query alike, in memory and in
 * a file (where the non-unique indexes are built again when the store opens).
 */
class IndexedAnswersTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final List<String> STATUSES = List.of("PENDING", "COMPENSATING", "CONFIRMED", "CANCELLED");

    @Test
    void inMemory() {
        try (EmbeddedStore store = EmbeddedStore.inMemory("127.0.0.1", 0);
                MongoClient client = MongoClients.create(store.connectionString())) {
            MongoDatabase database = client.getDatabase("answers");
            fill(database, new Random(42));
            assertSameAnswers(database);
            // a document without the listings' field: the index no longer gives the sort, and the store sorts
            Bson undate = Updates.unset("createdAt");
            database.getCollection("plain").updateOne(Filters.eq("_id", "d-3"), undate);
            database.getCollection("indexed").updateOne(Filters.eq("_id", "d-3"), undate);
            assertSameAnswers(database);
        }
    }

    @Test
    void inAFileAlsoAfterARestart(@TempDir Path dir) {
        Path file = dir.resolve("store.mv");
        try (EmbeddedStore store = EmbeddedStore.fileBacked(file, "127.0.0.1", 0);
                MongoClient client = MongoClients.create(store.connectionString())) {
            MongoDatabase database = client.getDatabase("answers");
            fill(database, new Random(7));
            assertSameAnswers(database);
        }
        try (EmbeddedStore store = EmbeddedStore.fileBacked(file, "127.0.0.1", 0);
                MongoClient client = MongoClients.create(store.connectionString())) {
            assertSameAnswers(client.getDatabase("answers"));
            // the unique indexes, built again from the file, still refuse a second document with the same key
            MongoCollection<Document> indexed = client.getDatabase("answers").getCollection("indexed");
            MongoWriteException duplicate = assertThrows(MongoWriteException.class,
                    () -> indexed.insertOne(new Document("_id", "new").append("eventId", "e-12")));
            assertEquals(ErrorCategory.DUPLICATE_KEY, ErrorCategory.fromErrorCode(duplicate.getCode()));
            assertThrows(MongoWriteException.class, () -> indexed.insertOne(new Document("_id", "d-0")));
        }
    }

    private static void fill(MongoDatabase database, Random random) {
        MongoCollection<Document> indexed = database.getCollection("indexed");
        indexed.createIndex(Indexes.ascending("status", "deadline"));
        indexed.createIndex(Indexes.ascending("holds.at"));
        indexed.createIndex(Indexes.ascending("eventId"), new IndexOptions().unique(true));
        indexed.createIndex(Indexes.descending("createdAt", "_id"));
        MongoCollection<Document> plain = database.getCollection("plain");
        for (int i = 0; i < 300; i++) {
            Document document = new Document("_id", "d-" + i).append("eventId", "e-" + i).append("version", random.nextInt(3))
                    .append("createdAt", java.util.Date.from(T0.plusSeconds(random.nextInt(100)))); // times repeat
            if (random.nextInt(10) > 0) {
                document.append("status", STATUSES.get(random.nextInt(STATUSES.size())));
            }
            if (random.nextBoolean()) {
                document.append("deadline", java.util.Date.from(T0.plusSeconds(random.nextInt(100))));
            }
            List<Document> holds = new ArrayList<>();
            for (int h = random.nextInt(3); h > 0; h--) {
                holds.add(new Document("order", "o-" + random.nextInt(50)).append("at", random.nextInt(100)));
            }
            document.append("holds", holds);
            indexed.insertOne(document);
            plain.insertOne(new Document(document));
        }
        // the same changes on both: conditional updates, status moves, removals
        for (int i = 0; i < 300; i += 3) {
            Bson guard = Filters.and(Filters.eq("_id", "d-" + i), Filters.eq("version", 1));
            Bson change = Updates.combine(Updates.set("status", STATUSES.get(i % STATUSES.size())), Updates.inc("version", 1),
                    Updates.pull("holds", new Document("at", new Document("$lt", 30))));
            assertEquals(plain.updateOne(guard, change).getModifiedCount(),
                    indexed.updateOne(guard, change).getModifiedCount());
        }
        for (int i = 1; i < 300; i += 7) {
            Bson which = Filters.and(Filters.eq("_id", "d-" + i), Filters.ne("status", "PENDING"));
            assertEquals(plain.deleteOne(which).getDeletedCount(), indexed.deleteOne(which).getDeletedCount());
        }
    }

    private static void assertSameAnswers(MongoDatabase database) {
        MongoCollection<Document> indexed = database.getCollection("indexed");
        MongoCollection<Document> plain = database.getCollection("plain");
        List<Bson> queries = List.of(
                Filters.eq("status", "PENDING"),
                Filters.and(Filters.in("status", "PENDING", "COMPENSATING"),
                        Filters.lt("deadline", java.util.Date.from(T0.plusSeconds(50)))),
                Filters.and(Filters.eq("status", "CONFIRMED"),
                        Filters.gte("deadline", java.util.Date.from(T0.plusSeconds(20)))),
                Filters.gt("status", "CONFIRMED"),
                Filters.and(Filters.gte("status", "C"), Filters.lte("status", "CONFIRMED")),
                Filters.lt("holds.at", 40),
                Filters.and(Filters.gte("holds.at", 10), Filters.lt("holds.at", 20)),
                Filters.eq("holds.at", 55),
                Filters.and(Filters.eq("eventId", "e-12"), Filters.eq("version", 2)),
                Filters.and(Filters.eq("_id", "d-30"), Filters.ne("status", "CANCELLED")),
                Filters.eq("status", "NOPE"),
                Filters.exists("status", false),
                Filters.ne("status", "PENDING"));
        for (Bson query : queries) {
            assertEquals(ids(plain, query), ids(indexed, query), () -> "answers differ for " + query);
        }
        // the listings: pages in the index's order and in its reverse, and their counts
        List<Bson> listed = List.of(new Document(), Filters.eq("status", "PENDING"), Filters.ne("status", "PENDING"));
        // (each a total order: the order of documents that tie on a sort is MongoDB's to choose)
        List<Bson> sorts = List.of(Sorts.descending("createdAt", "_id"), Sorts.ascending("createdAt", "_id"),
                Sorts.orderBy(Sorts.descending("createdAt"), Sorts.ascending("_id")));
        for (Bson query : listed) {
            for (Bson sort : sorts) {
                for (int skip : List.of(0, 1, 37, 150, 400)) {
                    assertEquals(page(plain, query, sort, skip), page(indexed, query, sort, skip),
                            () -> "pages differ for " + query + " sorted " + sort + " from " + skip);
                }
            }
            // the counts against the documents found (both collections' counts are answered the same way)
            for (int[] skipLimit : new int[][] { { 0, 0 }, { 10, 0 }, { 5, 20 }, { 0, 1_000 } }) {
                CountOptions options = new CountOptions().skip(skipLimit[0]).limit(skipLimit[1]);
                long found = plain.find(query).skip(skipLimit[0]).limit(skipLimit[1]).into(new ArrayList<>()).size();
                assertEquals(found, plain.countDocuments(query, options), () -> "plain count of " + query + " " + options);
                assertEquals(found, indexed.countDocuments(query, options), () -> "count of " + query + " " + options);
            }
        }
        assertEquals(0, indexed.countDocuments(Filters.eq("status", "NOPE")));
        assertEquals(0, database.getCollection("none").countDocuments());
    }

    /** Twenty ids from {@code skip} on, in the order the store gives them (documents of one time: by id too). */
    private static List<String> page(MongoCollection<Document> collection, Bson query, Bson sort, int skip) {
        List<String> ids = new ArrayList<>();
        collection.find(query).sort(sort).skip(skip).limit(20)
                .forEach(document -> ids.add(document.get("createdAt") + " " + document.getString("_id")));
        return ids;
    }

    private static List<String> ids(MongoCollection<Document> collection, Bson query) {
        List<String> ids = new ArrayList<>();
        collection.find(query).sort(Sorts.ascending("_id")).forEach(document -> ids.add(document.getString("_id")));
        return ids;
    }
}
