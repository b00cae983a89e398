package dev.orderflow.order.repository;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orderflow.common.store.StoreRetry;
import dev.orderflow.order.IdempotencyKey;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import io.smallrye.faulttolerance.api.ApplyGuard;

@ApplicationScoped
@ApplyGuard(StoreRetry.GUARD)
public class IdempotencyKeyRepository implements ReactivePanacheMongoRepositoryBase<IdempotencyKey, String> {
}
