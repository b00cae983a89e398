package dev.orderflow.tools.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;

import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

/**
 * What the store did and holds, per service database, read from the store's own counters: operations from MongoDB's
 * {@code top} admin command (reads: queries, getmore, commands; writes: insert, update, remove), bytes from
 * {@code dbStats} ({@code dataSize}, the documents' BSON size). The embedded store and a MongoDB answer both.
 */
public final class StoreStats {

    static final List<String> DATABASES = List.of("order", "inventory", "payment", "shipping", "notification");
    private static final List<String> READS = List.of("queries", "getmore", "commands");
    private static final List<String> WRITES = List.of("insert", "update", "remove");

    /** One database's figures at one moment. */
    public record Figures(long reads, long writes, long dataBytes) {

        static final Figures NONE = new Figures(0, 0, 0);

        Figures plus(Figures other) {
            return new Figures(reads + other.reads, writes + other.writes, dataBytes + other.dataBytes);
        }

        Figures minus(Figures before) {
            return new Figures(reads - before.reads, writes - before.writes, dataBytes - before.dataBytes);
        }
    }

    private StoreStats() {
    }

    /** The figures of every service database, or empty when the store cannot be asked. */
    public static Optional<Map<String, Figures>> read(String connectionString) {
        try (MongoClient client = MongoClients.create(connectionString)) {
            Document totals = client.getDatabase("admin").runCommand(new Document("top", 1)).get("totals", Document.class);
            Map<String, Figures> figures = new LinkedHashMap<>();
            for (String database : DATABASES) {
                long reads = 0;
                long writes = 0;
                for (Map.Entry<String, Object> namespace : totals.entrySet()) {
                    if (namespace.getKey().startsWith(database + ".") && namespace.getValue() instanceof Document counts) {
                        reads += sum(counts, READS);
                        writes += sum(counts, WRITES);
                    }
                }
                Number dataSize = client.getDatabase(database).runCommand(new Document("dbStats", 1))
                        .get("dataSize", Number.class);
                figures.put(database, new Figures(reads, writes, dataSize == null ? 0 : dataSize.longValue()));
            }
            return Optional.of(figures);
        } catch (MongoException | IllegalStateException e) {
            System.err.println("store figures not read (" + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    private static long sum(Document counts, List<String> kinds) {
        long sum = 0;
        for (String kind : kinds) {
            if (counts.get(kind) instanceof Document entry && entry.get("count") instanceof Number count) {
                sum += count.longValue();
            }
        }
        return sum;
    }
}
