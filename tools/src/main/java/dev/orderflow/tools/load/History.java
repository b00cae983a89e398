package dev.orderflow.tools.load;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertManyOptions;

/**
 * Fills the store with finished orders before a benchmark, so that it measures a system with a history: copies of
 * orders the store holds already (the templates: finished orders a first run left, for instance a {@code bench}
 * warm-up), each complete in every service's database (the order, its reservation, payment, shipment and
 * notifications, and whatever else a service keeps about it), under new ids. A copy is its template's documents with
 * every id in them (each is a UUID, or built on one) replaced by a new one, the same within a copy: the copies are
 * unique where the indexes want them to be, and refer to each other as the originals do. The catalogue and the
 * idempotency keys are not copied (they belong to no one order): the stock invariants hold as they did.
 */
public final class History {

    /** The collections whose documents are not one order's. */
    private static final Set<String> SHARED = Set.of("inventory.products", "order.idempotency_keys");
    private static final Set<String> FINISHED = Set.of("CONFIRMED", "CANCELLED", "DELIVERED");
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final JsonWriterSettings EXACT = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
    private static final int TEMPLATES = 50;
    private static final int BATCH = 1000;

    /** What a preload did. */
    public record Result(int orders, int templates, Map<String, Long> documents, Duration took) {

        public String describe() {
            long total = documents.values().stream().mapToLong(Long::longValue).sum();
            return String.format("%,d orders stored (copies of %d finished orders): %,d documents in %.1f s %s", orders,
                    templates, total, took.toMillis() / 1000.0, documents);
        }
    }

    private History() {
    }

    /** Stores {@code orders} copies of finished orders; fails when the store holds none to copy. */
    public static Result preload(String connectionString, int orders, PrintStream progress) {
        Instant start = Instant.now();
        try (MongoClient client = MongoClients.create(connectionString)) {
            Map<String, List<Part>> templates = templates(client);
            if (templates.isEmpty()) {
                throw new IllegalStateException("the store holds no finished order to copy: run a bench first "
                        + "(its warm-up places some), then preload");
            }
            List<List<Part>> parts = List.copyOf(templates.values());
            Map<String, List<Document>> pending = new LinkedHashMap<>();
            Map<String, Long> stored = new LinkedHashMap<>();
            for (int copy = 0; copy < orders; copy++) {
                Map<String, String> newIds = new HashMap<>();
                for (Part part : parts.get(copy % parts.size())) {
                    String json = ID.matcher(part.json())
                            .replaceAll(id -> newIds.computeIfAbsent(id.group(), old -> UUID.randomUUID().toString()));
                    List<Document> batch = pending.computeIfAbsent(part.namespace(), namespace -> new ArrayList<>());
                    batch.add(Document.parse(json));
                    if (batch.size() == BATCH) {
                        insert(client, part.namespace(), batch, stored);
                    }
                }
                if ((copy + 1) % 20_000 == 0) {
                    progress.printf("  %,d orders stored%n", copy + 1);
                }
            }
            pending.forEach((namespace, batch) -> insert(client, namespace, batch, stored));
            return new Result(orders, parts.size(), stored, Duration.between(start, Instant.now()));
        }
    }

    private static void insert(MongoClient client, String namespace, List<Document> batch, Map<String, Long> stored) {
        if (batch.isEmpty()) {
            return;
        }
        int dot = namespace.indexOf('.');
        MongoCollection<Document> collection = client.getDatabase(namespace.substring(0, dot))
                .getCollection(namespace.substring(dot + 1));
        collection.insertMany(batch, new InsertManyOptions().ordered(false));
        stored.merge(namespace, (long) batch.size(), Long::sum);
        batch.clear();
    }

    /** Every document of each template order, found by the order's id in it, as exact JSON. */
    private static Map<String, List<Part>> templates(MongoClient client) {
        Map<String, List<Part>> templates = new LinkedHashMap<>();
        for (Document order : client.getDatabase("order").getCollection("orders").find()) {
            if (templates.size() == TEMPLATES) {
                break;
            }
            List<?> outbox = order.getList("outbox", Object.class);
            if (FINISHED.contains(order.getString("status")) && (outbox == null || outbox.isEmpty())) {
                templates.put(order.getString("_id"), new ArrayList<>());
            }
        }
        for (String database : StoreStats.DATABASES) {
            for (String collection : client.getDatabase(database).listCollectionNames()) {
                String namespace = database + "." + collection;
                if (SHARED.contains(namespace)) {
                    continue;
                }
                for (Document document : client.getDatabase(database).getCollection(collection).find()) {
                    String json = document.toJson(EXACT);
                    templates.forEach((orderId, parts) -> {
                        if (json.contains(orderId)) {
                            parts.add(new Part(namespace, json));
                        }
                    });
                }
            }
        }
        return templates;
    }

    /** One document of a template order, in its database and collection. */
    private record Part(String namespace, String json) {
    }
}
