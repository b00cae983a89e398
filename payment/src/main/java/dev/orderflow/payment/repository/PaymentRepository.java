package dev.orderflow.payment.repository;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orderflow.common.store.StoreRetry;
import dev.orderflow.payment.Payment;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;
import io.smallrye.faulttolerance.api.ApplyGuard;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
@ApplyGuard(StoreRetry.GUARD)
public class PaymentRepository implements ReactivePanacheMongoRepositoryBase<Payment, String> {

    public Uni<Payment> findByOrderId(String orderId) {
        return find("orderId", orderId).firstResult();
    }
}
