package dev.orderflow.tools.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import dev.orderflow.embedded.EmbeddedStore;

/** Preloading copies finished orders whole, under new ids that still refer to each other, and nothing shared. */
class HistoryTest {

    private EmbeddedStore store;
    private MongoClient client;

    @BeforeEach
    void start() {
        store = EmbeddedStore.inMemory("127.0.0.1", 0);
        client = MongoClients.create(store.connectionString());
    }

    @AfterEach
    void stop() {
        client.close();
        store.close();
    }

    @Test
    void copiesEveryDocumentOfAFinishedOrderUnderNewIdsThatReferToEachOther() {
        String confirmed = finishedOrder("CONFIRMED");
        String cancelled = finishedOrder("CANCELLED");
        pendingOrder();
        db("inventory").getCollection("products").insertOne(new Document("_id", "sku-1").append("available", 10));

        History.Result result = History.preload(store.connectionString(), 5, new PrintStream(new ByteArrayOutputStream()));

        assertEquals(2, result.templates(), "the finished orders are the templates; the pending one is not");
        assertEquals(3 + 5, count("order", "orders"));
        assertEquals(2 + 5, count("inventory", "reservations"));
        assertEquals(2 + 5, count("payment", "payments"));
        assertEquals(2 + 5, count("notification", "notifications"));
        assertEquals(1, count("inventory", "products"), "the catalogue is not copied");
        Set<String> ids = new HashSet<>();
        for (Document order : db("order").getCollection("orders").find(Filters.nin("_id", List.of(confirmed, cancelled)))) {
            String id = order.getString("_id");
            if ("PENDING".equals(order.getString("status"))) {
                continue;
            }
            assertTrue(ids.add(id), "a new id per copy: " + id);
            assertTrue(id.startsWith("ord-"), "the id keeps its shape: " + id);
            Document reservation = db("inventory").getCollection("reservations").find(Filters.eq("_id", id)).first();
            assertEquals(order.getString("status").equals("CONFIRMED") ? "COMMITTED" : "RELEASED",
                    reservation.getString("status"), "the copy's reservation is its template's, under the copy's id");
            Document payment = db("payment").getCollection("payments").find(Filters.eq("orderId", id)).first();
            assertEquals(order.getString("paymentId"), payment.getString("_id"), "the copy refers to its own payment");
            assertNotEquals(payment.getString("_id"), paymentOf(confirmed));
            assertEquals(order.getLong("total"), payment.getLong("amount"), "values keep their types");
            assertEquals(1, db("notification").getCollection("notifications").countDocuments(Filters.eq("orderId", id)));
        }
        assertEquals(5, ids.size());
    }

    @Test
    void refusesWhenNoFinishedOrderIsStored() {
        pendingOrder();
        assertThrows(IllegalStateException.class,
                () -> History.preload(store.connectionString(), 3, new PrintStream(new ByteArrayOutputStream())));
    }

    private String finishedOrder(String status) {
        String orderId = "ord-" + UUID.randomUUID();
        String paymentId = "pay-" + UUID.randomUUID();
        db("order").getCollection("orders").insertOne(new Document("_id", orderId).append("status", status)
                .append("paymentId", paymentId).append("total", 1999L).append("outbox", new ArrayList<>()));
        db("inventory").getCollection("reservations").insertOne(new Document("_id", orderId)
                .append("status", status.equals("CONFIRMED") ? "COMMITTED" : "RELEASED"));
        db("payment").getCollection("payments").insertOne(new Document("_id", paymentId).append("orderId", orderId)
                .append("amount", 1999L));
        db("notification").getCollection("notifications").insertOne(new Document("_id", "ntf-" + UUID.randomUUID())
                .append("orderId", orderId).append("eventId", orderId + ":order." + status.toLowerCase()));
        return orderId;
    }

    private void pendingOrder() {
        String orderId = "ord-" + UUID.randomUUID();
        db("order").getCollection("orders").insertOne(new Document("_id", orderId).append("status", "PENDING")
                .append("outbox", List.of(new Document("messageId", orderId + ":order.created"))));
    }

    private String paymentOf(String orderId) {
        return db("payment").getCollection("payments").find(Filters.eq("orderId", orderId)).first().getString("_id");
    }

    private long count(String database, String collection) {
        return db(database).getCollection(collection).countDocuments();
    }

    private MongoDatabase db(String name) {
        return client.getDatabase(name);
    }
}
