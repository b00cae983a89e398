package dev.orderflow.order.repository;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orderflow.order.IdempotencyKey;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;

@ApplicationScoped
public class IdempotencyKeyRepository implements ReactivePanacheMongoRepositoryBase<IdempotencyKey, String> {
}
