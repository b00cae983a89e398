package dev.orderflow.common.outbox;

import java.time.Instant;
import java.util.Date;

import org.bson.Document;

import dev.orderflow.common.tracing.Traces;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A message a document owes the broker, kept in the document's {@value Outbox#FIELD} list: added in the same
 * single-document update as the change that causes it, taken out once the broker has confirmed it. It holds the
 * message's recipe, not its payload: the document's {@link Outbox} builds the message from the document when it
 * publishes it. It also holds the trace of that change, so that the message continues it, whenever it is published.
 */
@RegisterForReflection
public class PendingMessage {

    /**
     * The message id: the same at every attempt, so that a consumer recognises a message published twice. (Not named
     * {@code id}: the POJO codec would store that as the document's {@code _id}.)
     */
    public String messageId;
    /** The message type name. */
    public String type;
    /** When the change that causes it was made. */
    public Instant since;
    /** How many times the sweep published it (0 while only the change's own worker has tried). */
    public int attempts;
    /**
     * The trace of the change that causes it (W3C traceparent), which the message continues even when the sweep
     * publishes it; null when the change was made outside any trace.
     */
    public String traceparent;

    public PendingMessage() {
    }

    public PendingMessage(String messageId, String type, Instant since) {
        this.messageId = messageId;
        this.type = type;
        this.since = since;
        this.traceparent = Traces.traceparent();
    }

    /** As the document stores it. */
    Document toDocument() {
        Document document = new Document("messageId", messageId).append("type", type).append("since", Date.from(since))
                .append("attempts", attempts);
        return traceparent == null ? document : document.append("traceparent", traceparent);
    }

    @Override
    public String toString() {
        return type + " " + messageId;
    }
}
