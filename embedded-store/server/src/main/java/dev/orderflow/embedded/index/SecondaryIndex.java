package dev.orderflow.embedded.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A non-unique index, kept in memory: where the documents are, by the value of the index's first field (one entry
 * per element when that field holds an array, as in MongoDB's multikey indexes). It serves a query that gives that
 * field a plain value, a list of them ({@code $in}) or a range ({@code $gt}, {@code $gte}, {@code $lt},
 * {@code $lte}), at the top of the query or in a top-level {@code $and}; every other condition, including those on
 * the index's further fields, the store checks on the documents the index finds. A document without the field is not indexed:
 * none of those queries can match it.
 */
final class SecondaryIndex<P> extends Index<P> {

    private static final Set<String> OPERATORS = Set.of("$in", "$gt", "$gte", "$lt", "$lte");

    private final NavigableMap<Object, Set<P>> byValue = new TreeMap<>(ValueComparator.asc());
    private final Map<KeyValue, P> byId = new HashMap<>();
    private final String[] path;
    /**
     * How many documents have not exactly one value of the first field (none, null, or an array of several): while
     * there is one, walking the index does not give the collection in MongoDB's sort order ({@link #walkingOrder}).
     */
    private int unsortable;

    SecondaryIndex(String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.path = keys.get(0).getKey().split("\\.");
    }

    /** A value an index can look up: not missing, not null, not a document, a list or a pattern. */
    static boolean isPlainValue(Object value) {
        return value != null && !(value instanceof Missing) && !(value instanceof Document) && !(value instanceof Collection)
                && !value.getClass().isArray() && !BsonRegularExpression.isRegularExpression(value);
    }

    @Override
    public synchronized boolean canHandle(Document query) {
        return Conditions.on(query, firstKey(), SecondaryIndex::isUsable).isPresent();
    }

    @Override
    public synchronized Iterable<P> getPositions(Document query) {
        Object condition = Conditions.on(query, firstKey(), SecondaryIndex::isUsable)
                .orElseThrow(() -> new IllegalArgumentException("index " + getName() + " cannot serve " + query));
        if (!(condition instanceof Document operators)) {
            return List.copyOf(byValue.getOrDefault(condition, Set.of()));
        }
        Set<P> positions = new LinkedHashSet<>();
        if (operators.get("$in") instanceof Collection<?> values) {
            values.forEach(value -> positions.addAll(byValue.getOrDefault(value, Set.of())));
            return new ArrayList<>(positions);
        }
        NavigableMap<Object, Set<P>> range = byValue;
        if (operators.containsKey("$gt") || operators.containsKey("$gte")) {
            boolean inclusive = !operators.containsKey("$gt");
            range = range.tailMap(operators.get(inclusive ? "$gte" : "$gt"), inclusive);
        }
        if (operators.containsKey("$lt") || operators.containsKey("$lte")) {
            boolean inclusive = !operators.containsKey("$lt");
            range = range.headMap(operators.get(inclusive ? "$lte" : "$lt"), inclusive);
        }
        range.values().forEach(positions::addAll);
        return new ArrayList<>(positions);
    }

    /** A plain value, or operators this index can answer: a list of plain values ($in), or range bounds. */
    private static boolean isUsable(Object condition) {
        if (isPlainValue(condition)) {
            return true;
        }
        if (!(condition instanceof Document operators) || operators.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, Object> operator : operators.entrySet()) {
            if (!OPERATORS.contains(operator.getKey())) {
                return false;
            }
            boolean plain = operator.getValue() instanceof Collection<?> values
                    ? operator.getKey().equals("$in") && values.stream().allMatch(SecondaryIndex::isPlainValue)
                    : !operator.getKey().equals("$in") && isPlainValue(operator.getValue());
            if (!plain) {
                return false;
            }
        }
        return true;
    }

    /** Nothing to refuse: values may repeat. */
    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
    }

    @Override
    public synchronized void add(Document document, P position, MongoCollection<P> collection) {
        byId.put(idOf(document), position);
        NavigableSet<Object> values = valuesOf(document);
        unsortable += values.size() == 1 ? 0 : 1;
        values.forEach(value -> byValue.computeIfAbsent(value, ignored -> new LinkedHashSet<>()).add(position));
    }

    @Override
    public synchronized P remove(Document document) {
        P position = byId.remove(idOf(document));
        if (position != null) {
            NavigableSet<Object> values = valuesOf(document);
            unsortable -= values.size() == 1 ? 0 : 1;
            values.forEach(value -> removeEntry(value, position));
        }
        return position;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
    }

    @Override
    public synchronized void updateInPlace(Document oldDocument, Document newDocument, P position,
            MongoCollection<P> collection) {
        NavigableSet<Object> before = valuesOf(oldDocument);
        NavigableSet<Object> after = valuesOf(newDocument);
        unsortable += (after.size() == 1 ? 0 : 1) - (before.size() == 1 ? 0 : 1);
        if (!before.equals(after)) {
            before.forEach(value -> removeEntry(value, position));
            after.forEach(value -> byValue.computeIfAbsent(value, ignored -> new LinkedHashSet<>()).add(position));
        }
    }

    /** Not a lookup by document: the unique _id index finds where a document is. */
    @Override
    public P getPosition(Document document) {
        return null;
    }

    @Override
    public synchronized long getCount() {
        return byId.size();
    }

    @Override
    public synchronized boolean isEmpty() {
        return byId.isEmpty();
    }

    @Override
    public long getDataSize() {
        return 0;
    }

    @Override
    public synchronized void drop() {
        byValue.clear();
        byId.clear();
        unsortable = 0;
    }

    @Override
    public boolean isUnique() {
        return false;
    }

    /**
     * Whether walking this index gives a collection of {@code documents} documents in the order {@code orderBy} asks
     * for, as MongoDB decides it: the sort's fields are the index's first fields, each in the index's direction or
     * each in the opposite one. Empty when they are not, or when a document is not in the index under exactly one
     * value (it has no value there, null, or an array of several).
     *
     * @return whether the walk goes up the first field's values (or down)
     */
    synchronized Optional<Boolean> walkingOrder(Document orderBy, long documents) {
        List<IndexKey> keys = getKeys();
        if (byId.size() != documents || unsortable > 0 || orderBy.size() > keys.size()) {
            return Optional.empty();
        }
        Boolean reversed = null;
        int i = 0;
        for (Map.Entry<String, Object> sort : orderBy.entrySet()) {
            IndexKey key = keys.get(i++);
            if (!key.getKey().equals(sort.getKey()) || !(sort.getValue() instanceof Number direction)
                    || Math.abs(direction.doubleValue()) != 1) {
                return Optional.empty();
            }
            boolean opposite = (direction.doubleValue() > 0) != key.isAscending();
            if (reversed != null && reversed != opposite) {
                return Optional.empty();
            }
            reversed = opposite;
        }
        return Optional.of(keys.get(0).isAscending() != reversed);
    }

    /** Where a walk begins: before the first value of the first field. */
    static final Object START = new Object();

    /** How far a walk passes {@code documents} documents unread: to after the value {@code after}, past {@code passed}. */
    record Passed(Object after, int passed) {
    }

    /** The values whose documents, all of them, lie among the first {@code documents} in that direction. */
    synchronized Passed passing(boolean ascending, int documents) {
        Object after = START;
        int passed = 0;
        for (Map.Entry<Object, Set<P>> group : (ascending ? byValue : byValue.descendingMap()).entrySet()) {
            if (passed + group.getValue().size() > documents) {
                break;
            }
            passed += group.getValue().size();
            after = group.getKey();
        }
        return new Passed(after, passed);
    }

    /**
     * Where the documents are, a list per value of the first field, for up to {@code groups} values after
     * {@code after} (or from {@link #START}) in that direction: a copy, taken a run at a time as a walk goes.
     */
    synchronized List<Map.Entry<Object, List<P>>> positions(boolean ascending, Object after, int groups) {
        NavigableMap<Object, Set<P>> inOrder = ascending ? byValue : byValue.descendingMap();
        NavigableMap<Object, Set<P>> rest = after == START ? inOrder : inOrder.tailMap(after, false);
        List<Map.Entry<Object, List<P>>> run = new ArrayList<>(Math.min(groups, rest.size()));
        for (Map.Entry<Object, Set<P>> group : rest.entrySet()) {
            if (run.size() == groups) {
                break;
            }
            run.add(Map.entry(group.getKey(), List.copyOf(group.getValue())));
        }
        return run;
    }

    private String firstKey() {
        return keys().get(0);
    }

    /**
     * The values of the first field: along its dotted path, through documents and the elements of arrays, and each
     * element of an array found at its end. (Read here rather than through {@code Index.getKeyValues}, whose walk
     * over paths of every shape made the JIT fall back to the interpreter on each call.)
     */
    private NavigableSet<Object> valuesOf(Document document) {
        NavigableSet<Object> values = new TreeSet<>(ValueComparator.asc());
        collect(document, path, 0, values);
        return values;
    }

    private static void collect(Object value, String[] path, int depth, Set<Object> values) {
        if (value instanceof Collection<?> elements) {
            elements.forEach(element -> collect(element, path, depth, values));
        } else if (depth == path.length) {
            if (value != null && !(value instanceof Missing)) {
                values.add(value);
            }
        } else if (value instanceof Document document) {
            collect(document.get(path[depth]), path, depth + 1, values);
        }
    }

    private void removeEntry(Object value, P position) {
        Set<P> positions = byValue.get(value);
        if (positions != null && positions.remove(position) && positions.isEmpty()) {
            byValue.remove(value);
        }
    }

    private static KeyValue idOf(Document document) {
        return new KeyValue(document.get("_id")).normalized();
    }
}
