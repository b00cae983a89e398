package dev.orderflow.order.repository;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.bson.BsonDocument;
import org.bson.BsonDocumentReader;
import org.bson.BsonDocumentWriter;
import org.bson.BsonString;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;

import com.mongodb.client.model.Filters;

import dev.orderflow.common.outbox.Outbox;
import dev.orderflow.common.outbox.PendingMessage;
import dev.orderflow.common.store.StoreRetry;
import dev.orderflow.order.Order;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.faulttolerance.api.ApplyGuard;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@ApplyGuard(StoreRetry.GUARD)
public class OrderRepository implements ReactivePanacheMongoRepositoryBase<Order, String> {

    private static final String OUTBOX = Outbox.FIELD;
    /** The order's stored fields, by their names in the document ({@code id} is {@code _id}). */
    private static final List<String> FIELDS = Arrays.stream(Order.class.getFields())
            .filter(field -> !Modifier.isStatic(field.getModifiers())).map(Field::getName)
            .filter(name -> !name.equals("id") && !name.equals(OUTBOX)).toList();

    private volatile Codec<Order> codec;

    /**
     * Stores the order if it is still at {@code expectedVersion}, and adds {@code newEvents} to its outbox; fails with
     * {@link ConcurrentChangeException} when another worker changed it first. Every field is written (set, or unset
     * when null) but the outbox, which only transitions add to and publishers take from: a copy of the order taken
     * before an event was published cannot put the event back.
     */
    public Uni<Order> update(Order order, long expectedVersion, List<PendingMessage> newEvents) {
        // one lookup: every call of mongoCollection() passes the store guard's interceptor
        ReactiveMongoCollection<Order> collection = mongoCollection();
        BsonDocument fields = encode(order, codec(collection));
        fields.remove("_id");
        fields.remove(OUTBOX);
        BsonDocument update = new BsonDocument("$set", fields);
        BsonDocument unset = new BsonDocument();
        FIELDS.stream().filter(name -> !fields.containsKey(name)).forEach(name -> unset.append(name, new BsonString("")));
        if (!unset.isEmpty()) {
            update.append("$unset", unset);
        }
        if (!newEvents.isEmpty()) {
            update.putAll(Outbox.addAll(newEvents).toBsonDocument(BsonDocument.class, collection.getCodecRegistry()));
        }
        return collection.updateOne(Filters.and(Filters.eq("_id", order.id), Filters.eq("version", expectedVersion)), update)
                .map(result -> {
                    if (result.getMatchedCount() == 0) {
                        throw new ConcurrentChangeException(order.id);
                    }
                    return order;
                });
    }

    /** A copy of the order, as reading it back from the store would give: for a caller that must not share it. */
    public Order copy(Order order) {
        Codec<Order> codec = codec(mongoCollection());
        return codec.decode(new BsonDocumentReader(encode(order, codec)), DecoderContext.builder().build());
    }

    private static BsonDocument encode(Order order, Codec<Order> codec) {
        BsonDocument document = new BsonDocument();
        codec.encode(new BsonDocumentWriter(document), order, EncoderContext.builder().build());
        return document;
    }

    /** The order's codec, looked up once: the registry is the collection's, fixed at start. */
    private Codec<Order> codec(ReactiveMongoCollection<Order> collection) {
        Codec<Order> known = codec;
        if (known == null) {
            known = collection.getCodecRegistry().get(Order.class);
            codec = known;
        }
        return known;
    }
}
