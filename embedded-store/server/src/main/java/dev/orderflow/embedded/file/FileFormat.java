package dev.orderflow.embedded.file;

import java.nio.file.Path;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The format of a store file, recorded in the file: documents as BSON ({@link BsonCollection}). A file written by
 * an earlier version of the store (documents as Java-serialised maps) cannot be read as BSON: the store refuses it
 * with a message rather than misreading it.
 */
public final class FileFormat {

    static final String MAP = "orderflow.format";
    static final String DOCUMENTS = "documents";
    static final String BSON = "bson";
    /** mongo-java-server's H2 backend keeps each collection's documents in a map named with this prefix. */
    public static final String DOCUMENT_MAPS = "databases.";

    private FileFormat() {
    }

    /** Marks a new file as BSON, or checks that an existing one is. */
    public static void check(MVStore store, Path file) {
        MVMap<String, String> format = store.openMap(MAP);
        String documents = format.get(DOCUMENTS);
        if (documents == null) {
            boolean holdsDocuments = store.getMapNames().stream().anyMatch(name -> name.startsWith(DOCUMENT_MAPS));
            if (holdsDocuments) {
                throw new IllegalStateException(file + " was written by an earlier version of the embedded store, which kept"
                        + " documents in another format; move it away (or delete it) to start with an empty store");
            }
            format.put(DOCUMENTS, BSON);
            store.commit();
        } else if (!documents.equals(BSON)) {
            throw new IllegalStateException(file + " keeps documents as '" + documents + "', not as BSON");
        }
    }
}
