package dev.orderflow.order;

import java.time.Instant;

import org.bson.codecs.pojo.annotations.BsonId;

import io.quarkus.mongodb.panache.common.MongoEntity;

/**
 * A client's Idempotency-Key and the order it stands for. Stored before the order, under the key itself as id, so two
 * requests with the same key cannot both create an order.
 */
@MongoEntity(collection = "idempotency_keys")
public class IdempotencyKey {

    @BsonId
    public String key;
    public String orderId;
    /** A digest of the request body: the same key with another body is refused. */
    public String requestHash;
    public Instant createdAt;
}
