package dev.orderflow.embedded.stats;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.bson.Document;

/**
 * How many operations the store served, by namespace ({@code database.collection}) and kind, answered as MongoDB's
 * {@code top} admin command answers (its {@code totals}, counts only), so that a tool reads the same figures from this
 * store and from a MongoDB. mongo-java-server has no {@code top} of its own.
 * <p>
 * The kinds are MongoDB's: {@code queries} (find), {@code getmore}, {@code insert}, {@code update} (update and
 * findAndModify: both write one document here), {@code remove} (delete), and {@code commands} (count, aggregate and
 * every other command on a collection).
 */
public final class OperationCounts {

    static final String TOP = "top";
    private static final List<String> KINDS = List.of("queries", "getmore", "insert", "update", "remove", "commands");

    private final Map<String, Map<String, LongAdder>> byNamespace = new ConcurrentHashMap<>();

    /** Answers {@code top}; counts any other command, then lets {@code next} run it. */
    public Document handle(String database, String command, Document query, Supplier<Document> next) {
        if (command.equals(TOP)) {
            return top();
        }
        count(database, command, query);
        return next.get();
    }

    /** Counts {@code command} (a command document as the driver sent it) on {@code database}. */
    void count(String database, String command, Document query) {
        String kind = switch (command) {
            case "find" -> "queries";
            case "getMore" -> "getmore";
            case "insert" -> "insert";
            case "update", "findAndModify", "findandmodify" -> "update";
            case "delete" -> "remove";
            default -> "commands";
        };
        Object collection = command.equals("getMore") ? query.get("collection") : query.get(command);
        if (!(collection instanceof String name)) {
            return; // a command on no collection (hello, ping, endSessions...): not an operation on data
        }
        byNamespace.computeIfAbsent(database + "." + name, ignored -> new ConcurrentHashMap<>())
                .computeIfAbsent(kind, ignored -> new LongAdder()).increment();
    }

    /** The answer to {@code top}. */
    private Document top() {
        Document totals = new Document();
        new TreeMap<>(byNamespace).forEach((namespace, counts) -> {
            Document entry = new Document();
            for (String kind : KINDS) {
                LongAdder count = counts.get(kind);
                entry.put(kind, new Document("time", 0L).append("count", count == null ? 0L : count.sum()));
            }
            totals.put(namespace, entry);
        });
        return new Document("totals", totals).append("ok", 1.0);
    }
}
