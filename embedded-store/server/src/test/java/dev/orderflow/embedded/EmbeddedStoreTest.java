package dev.orderflow.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

/**
 * The store features the services build their correctness on (design brief, rule 1), checked through the real
 * MongoDB driver.
 */
class EmbeddedStoreTest {

    @Test
    void fileBackedStoreKeepsDataAcrossRestart(@TempDir Path dir) {
        Path file = dir.resolve("store.mv");
        try (EmbeddedStore store = EmbeddedStore.fileBacked(file, "127.0.0.1", 0);
                MongoClient client = MongoClients.create(store.connectionString())) {
            client.getDatabase("inventory").getCollection("products")
                    .insertOne(new Document("_id", "SKU-1").append("available", 7));
        }
        try (EmbeddedStore store = EmbeddedStore.fileBacked(file, "127.0.0.1", 0);
                MongoClient client = MongoClients.create(store.connectionString())) {
            Document product = client.getDatabase("inventory").getCollection("products").find(Filters.eq("_id", "SKU-1"))
                    .first();
            assertEquals(7, product.getInteger("available"));
        }
    }

    @Test
    void inMemoryStoreStartsEmptyEachTime() {
        try (EmbeddedStore store = EmbeddedStore.inMemory("127.0.0.1", 0);
                MongoClient client = MongoClients.create(store.connectionString())) {
            client.getDatabase("order").getCollection("orders").insertOne(new Document("_id", "o-1"));
        }
        try (EmbeddedStore store = EmbeddedStore.inMemory("127.0.0.1", 0);
                MongoClient client = MongoClients.create(store.connectionString())) {
            assertEquals(0, client.getDatabase("order").getCollection("orders").countDocuments());
        }
    }

    @Test
    void conditionalUpdateAppliesOnlyWhenTheGuardHolds() {
        try (EmbeddedStore store = EmbeddedStore.inMemory("127.0.0.1", 0);
                MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> products = client.getDatabase("inventory").getCollection("products");
            products.insertOne(new Document("_id", "SKU-1").append("available", 3).append("version", 1));
            FindOneAndUpdateOptions after = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);

            Document reserved = products.findOneAndUpdate(
                    Filters.and(Filters.eq("_id", "SKU-1"), Filters.gte("available", 2)),
                    Updates.combine(Updates.inc("available", -2), Updates.inc("version", 1)), after);
            Document refused = products.findOneAndUpdate(
                    Filters.and(Filters.eq("_id", "SKU-1"), Filters.gte("available", 2)),
                    Updates.inc("available", -2), after);

            assertEquals(1, reserved.getInteger("available"));
            assertEquals(2, reserved.getInteger("version"));
            assertNull(refused);
        }
    }

    @Test
    void uniqueIndexRefusesTheSecondDocument() {
        try (EmbeddedStore store = EmbeddedStore.inMemory("127.0.0.1", 0);
                MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> notifications = client.getDatabase("notification").getCollection("notifications");
            notifications.createIndex(Indexes.ascending("eventId"), new IndexOptions().unique(true));
            notifications.insertOne(new Document("eventId", "e-1"));

            MongoWriteException duplicate = assertThrows(MongoWriteException.class,
                    () -> notifications.insertOne(new Document("eventId", "e-1")));
            assertEquals(ErrorCategory.DUPLICATE_KEY, ErrorCategory.fromErrorCode(duplicate.getCode()));
        }
    }
}
