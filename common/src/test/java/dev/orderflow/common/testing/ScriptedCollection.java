package dev.orderflow.common.testing;

import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoNamespace;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;

import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * A collection whose store answers as scripted, one answer per call of a method, and that counts the calls: for the
 * code that makes its store calls on a collection rather than through a repository (outboxes, leases, conditional
 * updates), to show which failures the store's retry makes again. Its transient failure ({@link #noServer}) is the one
 * the real driver gives when it can select no server in time (StoreRetryTest shows that it does).
 */
public final class ScriptedCollection {

    /** The answer of a call that found nothing: null for a {@code Uni}. */
    public static final Object NOTHING = new Object();

    private final Map<String, Deque<Object>> answers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    /** A failure before the store acted: no server could be selected. */
    public static MongoTimeoutException noServer() {
        return new MongoTimeoutException("Timed out while waiting for a server (scripted)");
    }

    /** An answer of the store: it carried the command out, or refused it, and said so. */
    public static MongoCommandException answered() {
        BsonDocument response = new BsonDocument("ok", new BsonInt32(0)).append("code", new BsonInt32(2))
                .append("errmsg", new BsonString("refused (scripted)"));
        return new MongoCommandException(response, new ServerAddress("127.0.0.1", 27017));
    }

    /**
     * The answers to the next calls of {@code method}, in order: a {@link Throwable} fails the call, {@link #NOTHING}
     * is null, a {@link List} is what a {@code Multi} emits, anything else is the item.
     */
    public ScriptedCollection answer(String method, Object... next) {
        answers.computeIfAbsent(method, name -> new ArrayDeque<>()).addAll(List.of(next));
        return this;
    }

    /** How many times {@code method} was called. */
    public int calls(String method) {
        AtomicInteger count = calls.get(method);
        return count == null ? 0 : count.get();
    }

    /** The collection, as a repository's {@code mongoCollection()} gives it. */
    @SuppressWarnings("unchecked")
    public <D> ReactiveMongoCollection<D> collection() {
        return (ReactiveMongoCollection<D>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] { ReactiveMongoCollection.class }, (proxy, method, args) -> {
                    if (method.getName().equals("getNamespace")) {
                        return new MongoNamespace("scripted", "things");
                    }
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("equals") ? proxy == args[0]
                                : method.getName().equals("hashCode") ? System.identityHashCode(proxy)
                                        : "ScriptedCollection";
                    }
                    calls.computeIfAbsent(method.getName(), name -> new AtomicInteger()).incrementAndGet();
                    Deque<Object> scripted = answers.get(method.getName());
                    Object answer;
                    synchronized (this) {
                        answer = scripted == null ? null : scripted.poll();
                    }
                    if (answer == null) {
                        throw new AssertionError("no answer scripted for call " + calls(method.getName()) + " of "
                                + method.getName());
                    }
                    if (method.getReturnType() == Multi.class) {
                        return answer instanceof Throwable failure ? Multi.createFrom().failure(failure)
                                : Multi.createFrom().iterable((List<?>) answer);
                    }
                    if (method.getReturnType() == Uni.class) {
                        return answer instanceof Throwable failure ? Uni.createFrom().failure(failure)
                                : Uni.createFrom().item(answer == NOTHING ? null : answer);
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }
}
