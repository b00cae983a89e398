package dev.orderflow.embedded;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Objects;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import dev.orderflow.embedded.file.FileFormat;
import dev.orderflow.embedded.index.IndexedBackends;

/**
 * A MongoDB-wire-compatible server running inside this JVM (de.bwaldvogel mongo-java-server), for machines where no
 * MongoDB runs. In memory for tests and dev mode; file-backed (an H2 MVStore file) where data must survive a restart.
 * <p>
 * The services never know they talk to it: they get a {@code mongodb://} connection string like any other. Code must
 * therefore only use what a real MongoDB does as well (single-document atomic updates, unique indexes; no
 * transactions).
 */
public final class EmbeddedStore implements AutoCloseable {

    /**
     * How long a file-backed store may hold writes in memory before it writes them to its file: the same order as the
     * 100 ms journal commit interval of a real MongoDB, so a killed store loses at most what a killed mongod would.
     */
    static final int FILE_COMMIT_DELAY_MILLIS = 100;
    /** Pages of the file kept in the heap, read and deserialised (MVStore's default is 16 MB). */
    static final int FILE_CACHE_MB = 64;

    private final MongoServer server;
    private final InetSocketAddress address;
    private final String description;

    private EmbeddedStore(MongoBackend backend, String host, int port, String description) {
        this.server = new MongoServer(backend);
        this.server.bind(host, port);
        this.address = server.getLocalAddress();
        this.description = description;
    }

    /** Starts an in-memory store; {@code port} 0 picks a free port. */
    public static EmbeddedStore inMemory(String host, int port) {
        return new EmbeddedStore(IndexedBackends.inMemory(), host, port, "in memory");
    }

    /** Starts a store kept in {@code file} (created if missing); {@code port} 0 picks a free port. */
    public static EmbeddedStore fileBacked(Path file, String host, int port) {
        Objects.requireNonNull(file, "file");
        Path absolute = file.toAbsolutePath();
        MVStore store = new MVStore.Builder().fileName(absolute.toString()).cacheSize(FILE_CACHE_MB).open();
        store.setAutoCommitDelay(FILE_COMMIT_DELAY_MILLIS);
        try {
            FileFormat.check(store, absolute);
            return new EmbeddedStore(IndexedBackends.inFile(store), host, port, "file " + absolute);
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    public String host() {
        return address.getHostString();
    }

    public int port() {
        return address.getPort();
    }

    /** The connection string a MongoDB client uses to reach this store. */
    public String connectionString() {
        return "mongodb://" + host() + ":" + port();
    }

    /** Where the data lives: "in memory" or "file &lt;path&gt;". */
    public String description() {
        return description;
    }

    /** Stops listening, closes client connections and, for a file-backed store, writes what is pending to the file. */
    @Override
    public void close() {
        server.shutdown();
    }

    @Override
    public String toString() {
        return "EmbeddedStore[" + connectionString() + ", " + description + "]";
    }
}
