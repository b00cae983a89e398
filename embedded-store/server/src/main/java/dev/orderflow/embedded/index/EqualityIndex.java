package dev.orderflow.embedded.index;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;

/**
 * A unique index that also serves queries with more conditions than its fields, when they give each of its fields a
 * plain value, at the top of the query or in a top-level {@code $and}: {@code {$and: [{_id: x}, {version: 3}]}} (what
 * the driver sends for {@code Filters.and}) looks {@code x} up, and the store checks {@code version} on what it finds.
 */
final class EqualityIndex<P> extends Index<P> {

    private final Index<P> index;

    EqualityIndex(Index<P> index, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.index = index;
    }

    @Override
    public boolean canHandle(Document query) {
        return index.canHandle(query) || pinsKeys(query) && index.canHandle(onKeys(query));
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        return index.canHandle(query) ? index.getPositions(query) : index.getPositions(onKeys(query));
    }

    private boolean pinsKeys(Document query) {
        return keys().stream().allMatch(key -> Conditions.on(query, key, SecondaryIndex::isPlainValue).isPresent());
    }

    /** The query narrowed to the index's fields: {@code {_id: x}}. */
    private Document onKeys(Document query) {
        Document onKeys = new Document();
        keys().forEach(key -> onKeys.put(key, Conditions.on(query, key, SecondaryIndex::isPlainValue).orElseThrow()));
        return onKeys;
    }

    @Override
    public P getPosition(Document document) {
        return index.getPosition(document);
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        index.checkAdd(document, collection);
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        index.add(document, position, collection);
    }

    @Override
    public P remove(Document document) {
        return index.remove(document);
    }

    @Override
    public long getCount() {
        return index.getCount();
    }

    @Override
    public boolean isEmpty() {
        return index.isEmpty();
    }

    @Override
    public long getDataSize() {
        return index.getDataSize();
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        index.checkUpdate(oldDocument, newDocument, collection);
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection)
            throws KeyConstraintError {
        index.updateInPlace(oldDocument, newDocument, position, collection);
    }

    @Override
    public void drop() {
        index.drop();
    }

    @Override
    public boolean isUnique() {
        return index.isUnique();
    }
}
