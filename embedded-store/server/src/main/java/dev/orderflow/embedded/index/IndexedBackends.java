package dev.orderflow.embedded.index;

import java.util.List;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;

/**
 * mongo-java-server backends that use indexes the way MongoDB does, so that a query costs what it would cost there.
 * <p>
 * Out of the box, mongo-java-server uses a unique index only for a query on exactly the index's fields, and ignores
 * every other index: {@code {_id: x, version: 3}} (each conditional update the services make) and the sweeps on
 * {@code {status, deadline}} read the whole collection, under the collection's lock, so their cost grows with the
 * data. Here unique indexes serve any query that pins their fields ({@link EqualityIndex}), and non-unique indexes
 * exist ({@link SecondaryIndex}). An index only narrows the documents to look at: the store still checks every
 * condition of the query on each of them, so the answers are the same as without.
 */
public final class IndexedBackends {

    private IndexedBackends() {
    }

    public static MemoryBackend inMemory() {
        return new MemoryBackend() {
            @Override
            public MemoryDatabase openOrCreateDatabase(String name) {
                return new MemoryDatabase(name, getCursorRegistry()) {
                    @Override
                    protected Index<Integer> openOrCreateUniqueIndex(String collection, String indexName, List<IndexKey> keys,
                            boolean sparse) {
                        return new EqualityIndex<>(super.openOrCreateUniqueIndex(collection, indexName, keys, sparse),
                                indexName,
                                keys, sparse);
                    }

                    @Override
                    protected Index<Integer> openOrCreateSecondaryIndex(String collection, String indexName,
                            List<IndexKey> keys,
                            boolean sparse) {
                        return new SecondaryIndex<>(indexName, keys, sparse);
                    }
                };
            }
        };
    }

    /**
     * Documents in {@code store}; the indexes in the heap ({@link HeapUniqueIndex}, {@link SecondaryIndex}), built again
     * from the documents when the store opens.
     */
    public static H2Backend inFile(MVStore store) {
        return new H2Backend(store) {
            @Override
            protected MongoDatabase openOrCreateDatabase(String name) {
                return new H2Database(name, getMvStore(), getCursorRegistry()) {
                    @Override
                    protected Index<Object> openOrCreateUniqueIndex(String collection, String indexName, List<IndexKey> keys,
                            boolean sparse) {
                        return new EqualityIndex<>(new HeapUniqueIndex<>(indexName, keys, sparse), indexName, keys, sparse);
                    }

                    @Override
                    protected Index<Object> openOrCreateSecondaryIndex(String collection, String indexName, List<IndexKey> keys,
                            boolean sparse) {
                        return new SecondaryIndex<>(indexName, keys, sparse);
                    }
                };
            }
        };
    }
}
