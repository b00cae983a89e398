package dev.orderflow.common.tracing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import org.bson.BsonValue;
import org.reactivestreams.Subscriber;

import com.mongodb.RequestContext;
import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import com.mongodb.reactivestreams.client.ReactiveContextProvider;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.quarkus.arc.Unremovable;
import io.quarkus.mongodb.runtime.MongoRequestContext;

/**
 * A span per store command (MongoDB, or the embedded store), child of the span that was current when the command was
 * issued: the driver runs the command on its own threads, so the current context travels with the command's request
 * context ({@link #getContext}). Named {@code <command> <collection>} ({@code update orders}), with the database, the
 * command and the collection as attributes, and nothing of what the command holds: no document, no filter, no
 * customer data. A command issued outside any trace (an outbox or recovery sweep finding nothing to do) makes no span.
 * <p>
 * In place of the MongoDB client's own tracing ({@code quarkus.mongodb.tracing.enabled}, off), which writes every
 * command, documents included, into its span as JSON.
 */
@Singleton
@Unremovable
public class StoreSpans implements CommandListener, ReactiveContextProvider {

    private final Tracer tracer;
    private final Map<Integer, Span> running = new ConcurrentHashMap<>();

    public StoreSpans(Tracer tracer) {
        this.tracer = tracer;
    }

    @Override
    public RequestContext getContext(Subscriber<?> subscriber) {
        return new MongoRequestContext(Context.current());
    }

    @Override
    public void commandStarted(CommandStartedEvent event) {
        RequestContext request = event.getRequestContext();
        Context parent = request == null ? null : request.getOrDefault(MongoRequestContext.OTEL_CONTEXT_KEY, null);
        if (parent == null || !Span.fromContext(parent).getSpanContext().isValid()) {
            return;
        }
        String collection = collection(event);
        Span span = tracer.spanBuilder(collection == null ? event.getCommandName() : event.getCommandName() + " " + collection)
                .setParent(parent)
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute("db.system.name", "mongodb")
                .setAttribute("db.namespace", event.getDatabaseName())
                .setAttribute("db.operation.name", event.getCommandName())
                .startSpan();
        if (collection != null) {
            span.setAttribute("db.collection.name", collection);
        }
        running.put(event.getRequestId(), span);
    }

    @Override
    public void commandSucceeded(CommandSucceededEvent event) {
        Span span = running.remove(event.getRequestId());
        if (span != null) {
            span.end();
        }
    }

    @Override
    public void commandFailed(CommandFailedEvent event) {
        Span span = running.remove(event.getRequestId());
        if (span != null) {
            span.setStatus(StatusCode.ERROR, event.getThrowable().getClass().getSimpleName());
            span.end();
        }
    }

    /** The collection a command is about: the value of its first field, for the commands that have one. */
    private static String collection(CommandStartedEvent event) {
        BsonValue first = event.getCommand().get(event.getCommandName());
        return first != null && first.isString() ? first.asString().getValue() : null;
    }
}
