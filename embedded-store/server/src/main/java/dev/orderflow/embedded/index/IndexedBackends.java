package dev.orderflow.embedded.index;

import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ByteArrayDataType;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import dev.orderflow.embedded.file.BsonCollection;
import dev.orderflow.embedded.file.FileFormat;
import dev.orderflow.embedded.stats.OperationCounts;
import io.netty.channel.Channel;

/**
 * mongo-java-server backends that use indexes the way MongoDB does, so that a query costs what it would cost there.
 * <p>
 * Out of the box, mongo-java-server uses a unique index only for a query on exactly the index's fields, and ignores
 * every other index: {@code {_id: x, version: 3}} (each conditional update the services make) and the sweeps on
 * {@code {status, deadline}} read the whole collection, under the collection's lock, so their cost grows with the
 * data. Here unique indexes serve any query that pins their fields ({@link EqualityIndex}), and non-unique indexes
 * exist ({@link SecondaryIndex}). An index only narrows the documents to look at: the store still checks every
 * condition of the query on each of them, so the answers are the same as without. A sorted query goes along an
 * index that has its order ({@link IndexOrder}), and a count by the collection's count ({@link DocumentCounts}).
 */
public final class IndexedBackends {

    private IndexedBackends() {
    }

    public static MemoryBackend inMemory() {
        OperationCounts operations = new OperationCounts();
        return new MemoryBackend() {
            @Override
            public Document handleCommand(Channel channel, String database, String command, Document query) {
                return operations.handle(database, command, query,
                        () -> DocumentCounts.answer(this, database, command, query)
                                .orElseGet(() -> super.handleCommand(channel, database, command, query)));
            }

            @Override
            public MemoryDatabase openOrCreateDatabase(String name) {
                return new MemoryDatabase(name, getCursorRegistry()) {
                    @Override
                    protected MemoryCollection openOrCreateCollection(String collection, CollectionOptions options) {
                        return new MemoryCollection(this, collection, options, cursorRegistry) {
                            @Override
                            protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit,
                                    int batchSize, Document fieldSelector) {
                                return IndexOrder.walk(getIndexes(), this::count, query, orderBy, skip, this::getDocument)
                                        .map(walk -> matchDocumentsFromStream(query, walk.documents(), walk.skip(), limit,
                                                batchSize, null, fieldSelector))
                                        .orElseGet(() -> super.queryDocuments(query, orderBy, skip, limit, batchSize,
                                                fieldSelector));
                            }
                        };
                    }

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

                    /** Under the collection's monitor, as its reads and writes are: upstream drops without it. */
                    @Override
                    protected void dropIndex(MongoCollection<Integer> collection, String indexName) {
                        synchronized (collection) {
                            super.dropIndex(collection, indexName);
                        }
                    }
                };
            }
        };
    }

    /**
     * Documents in {@code store}, as BSON ({@link BsonCollection}); the indexes in the heap ({@link HeapUniqueIndex},
     * {@link SecondaryIndex}), built again from the documents when the store opens.
     */
    public static H2Backend inFile(MVStore store) {
        OperationCounts operations = new OperationCounts();
        return new H2Backend(store) {
            @Override
            public Document handleCommand(Channel channel, String database, String command, Document query) {
                return operations.handle(database, command, query,
                        () -> DocumentCounts.answer(this, database, command, query)
                                .orElseGet(() -> super.handleCommand(channel, database, command, query)));
            }

            @Override
            protected MongoDatabase openOrCreateDatabase(String name) {
                MVStore mvStore = getMvStore();
                return new H2Database(name, mvStore, getCursorRegistry()) {
                    @Override
                    protected MongoCollection<Object> openOrCreateCollection(String collection, CollectionOptions options) {
                        // as the backend does, but each document kept as its BSON (BsonCollection)
                        String namespace = getFullCollectionNamespace(collection);
                        MVMap<Object, byte[]> documents = mvStore.openMap(FileFormat.DOCUMENT_MAPS + namespace,
                                new MVMap.Builder<Object, byte[]>().valueType(ByteArrayDataType.INSTANCE));
                        MVMap<String, Object> meta = mvStore.openMap("meta." + namespace);
                        return new BsonCollection(this, collection, options, documents, meta, cursorRegistry);
                    }

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

                    /** Under the collection's monitor, as its reads and writes are: upstream drops without it. */
                    @Override
                    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
                        synchronized (collection) {
                            super.dropIndex(collection, indexName);
                        }
                    }
                };
            }
        };
    }
}
