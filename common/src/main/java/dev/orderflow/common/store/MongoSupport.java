package dev.orderflow.common.store;

import java.time.Duration;

import jakarta.interceptor.Interceptor;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;

/** What every service's store code needs: the building blocks of its conditional, idempotent writes. */
public final class MongoSupport {

    /** A conditional update answers with the document as it left it (null when the condition did not hold). */
    public static final FindOneAndUpdateOptions RETURN_AFTER = new FindOneAndUpdateOptions()
            .returnDocument(ReturnDocument.AFTER);

    /**
     * The priority of a service's start-up observer that creates its indexes: just before the messaging channels start
     * consuming ({@code LIBRARY_BEFORE}), since a unique index that does not exist yet would let a duplicate in. The
     * observer waits for them, at most {@link #INDEX_CREATION_TIMEOUT}: it runs once, at start, not on a request.
     */
    public static final int BEFORE_MESSAGING = Interceptor.Priority.LIBRARY_BEFORE - 1;
    public static final Duration INDEX_CREATION_TIMEOUT = Duration.ofSeconds(60);

    private MongoSupport() {
    }

    /** Whether a write failed on a unique index: the document it would create exists already. */
    public static boolean isDuplicateKey(Throwable failure) {
        return failure instanceof MongoWriteException write && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
}
