package dev.orderflow.embedded.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import dev.orderflow.embedded.EmbeddedStore;

/** The store counts what it serves, by collection and kind, and answers MongoDB's {@code top} with it. */
class OperationCountsTest {

    @Test
    void topCountsEachKindOfOperationByCollection(@TempDir Path dir) {
        try (EmbeddedStore store = EmbeddedStore.fileBacked(dir.resolve("store.mv"), "127.0.0.1", 0);
                MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> orders = client.getDatabase("order").getCollection("orders");
            orders.insertOne(new Document("_id", "o-1").append("version", 1));
            orders.insertOne(new Document("_id", "o-2").append("version", 1));
            orders.find(Filters.eq("_id", "o-1")).first();
            orders.updateOne(Filters.eq("_id", "o-1"), Updates.inc("version", 1));
            orders.findOneAndUpdate(Filters.eq("_id", "o-2"), Updates.inc("version", 1));
            orders.deleteOne(Filters.eq("_id", "o-2"));
            orders.countDocuments();
            client.getDatabase("payment").getCollection("payments").find().first();

            Document totals = client.getDatabase("admin").runCommand(new Document("top", 1)).get("totals", Document.class);

            Document order = totals.get("order.orders", Document.class);
            assertEquals(2L, count(order, "insert"));
            assertEquals(1L, count(order, "queries"));
            assertEquals(2L, count(order, "update"));
            assertEquals(1L, count(order, "remove"));
            assertEquals(1L, count(order, "commands"));
            assertEquals(1L, count(totals.get("payment.payments", Document.class), "queries"));
        }
    }

    @Test
    void anInMemoryStoreCountsToo() {
        try (EmbeddedStore store = EmbeddedStore.inMemory("127.0.0.1", 0);
                MongoClient client = MongoClients.create(store.connectionString())) {
            client.getDatabase("inventory").getCollection("products").insertOne(new Document("_id", "SKU-1"));

            Document totals = client.getDatabase("admin").runCommand(new Document("top", 1)).get("totals", Document.class);

            assertEquals(1L, count(totals.get("inventory.products", Document.class), "insert"));
        }
    }

    private static long count(Document namespace, String kind) {
        return namespace.get(kind, Document.class).get("count", Number.class).longValue();
    }
}
