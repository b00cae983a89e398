package dev.orderflow.inventory.repository;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orderflow.common.store.StoreRetry;
import dev.orderflow.inventory.Reservation;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import io.smallrye.faulttolerance.api.ApplyGuard;

@ApplicationScoped
@ApplyGuard(StoreRetry.GUARD)
public class ReservationRepository implements ReactivePanacheMongoRepositoryBase<Reservation, String> {
}
