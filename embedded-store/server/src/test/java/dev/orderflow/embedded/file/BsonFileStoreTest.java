package dev.orderflow.embedded.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.bson.types.Decimal128;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import dev.orderflow.embedded.EmbeddedStore;

/** Documents in a store file are BSON: read back as written, across restarts and updates, in less space. */
class BsonFileStoreTest {

    @Test
    void documentsComeBackAsWrittenAfterARestart(@TempDir Path dir) {
        Path file = dir.resolve("store.mv");
        Document order = new Document("_id", "ord-1").append("status", "PENDING").append("version", 3L)
                .append("total", new Decimal128(new BigDecimal("1050.98"))).append("createdAt", new Date(1_700_000_000_123L))
                .append("items", List.of(new Document("sku", "product-001").append("quantity", 2)))
                .append("shippingAddress", new Document("city", "Paris").append("line2", null))
                .append("flags", List.of(true, false)).append("ratio", 0.25).append("text", "été ☃ 雪");
        try (EmbeddedStore store = EmbeddedStore.fileBacked(file, "127.0.0.1", 0);
                MongoClient client = MongoClients.create(store.connectionString())) {
            var orders = client.getDatabase("order").getCollection("orders");
            orders.insertOne(order);
            orders.updateOne(Filters.eq("_id", "ord-1"), Updates.combine(Updates.set("status", "CONFIRMED"),
                    Updates.push("history", new Document("outcome", "confirmed"))));
        }
        try (EmbeddedStore store = EmbeddedStore.fileBacked(file, "127.0.0.1", 0);
                MongoClient client = MongoClients.create(store.connectionString())) {
            Document read = client.getDatabase("order").getCollection("orders").find(Filters.eq("_id", "ord-1")).first();
            Document expected = new Document(order).append("status", "CONFIRMED")
                    .append("history", List.of(new Document("outcome", "confirmed")));
            assertEquals(expected.toJson(), read.toJson());
        }
    }

    @Test
    void documentsUpdatedWhileTheFileIsWrittenStayWhole(@TempDir Path dir) throws Exception {
        // the file's writer encodes the changed documents every 100 ms on its own thread, while updates go on: four
        // clients each grow one document's history, so that the writer is often encoding a document being updated
        Path file = dir.resolve("store.mv");
        int updates = 500;
        int writers = 4;
        try (EmbeddedStore store = EmbeddedStore.fileBacked(file, "127.0.0.1", 0);
                MongoClient client = MongoClients.create(store.connectionString())) {
            var orders = client.getDatabase("order").getCollection("orders");
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                String id = "ord-" + w;
                orders.insertOne(new Document("_id", id).append("version", 0).append("history", List.of()));
                done.add(pool.submit(() -> {
                    for (int i = 0; i < updates; i++) {
                        orders.updateOne(Filters.eq("_id", id), Updates.combine(Updates.inc("version", 1), Updates.push(
                                "history", new Document("step", "step-" + i).append("outcome", "succeeded"))));
                    }
                }));
            }
            for (Future<?> writer : done) {
                writer.get(2, TimeUnit.MINUTES);
            }
            pool.shutdown();
        }
        try (EmbeddedStore store = EmbeddedStore.fileBacked(file, "127.0.0.1", 0);
                MongoClient client = MongoClients.create(store.connectionString())) {
            var orders = client.getDatabase("order").getCollection("orders");
            for (int w = 0; w < writers; w++) {
                Document order = orders.find(Filters.eq("_id", "ord-" + w)).first();
                assertEquals(updates, order.getInteger("version"));
                assertEquals(updates, order.getList("history", Document.class).size());
            }
        }
    }

    @Test
    void aFileOfTheEarlierFormatIsRefusedWithAMessage(@TempDir Path dir) {
        Path file = dir.resolve("old.mv");
        MVStore old = new MVStore.Builder().fileName(file.toString()).open();
        old.openMap(FileFormat.DOCUMENT_MAPS + "order.orders").put("ord-1", new java.util.HashMap<>());
        old.close();

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> EmbeddedStore.fileBacked(file, "127.0.0.1", 0).close());
        assertTrue(refused.getMessage().contains("earlier version"), refused.getMessage());
    }
}
