package dev.orderflow.common.store;

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
     * An upsert that answers with the document as it stands after it: a first answer written once (its fields set on
     * insert), or the one written before.
     */
    public static final FindOneAndUpdateOptions FIRST_ANSWER = new FindOneAndUpdateOptions().upsert(true)
            .returnDocument(ReturnDocument.AFTER);

    private MongoSupport() {
    }

    /** Whether a write failed on a unique index: the document it would create exists already. */
    public static boolean isDuplicateKey(Throwable failure) {
        return failure instanceof MongoWriteException write && write.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
    }
}
