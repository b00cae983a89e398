package dev.orderflow.payment.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import dev.orderflow.common.store.StoreIndexes;
import io.smallrye.mutiny.Uni;

/**
 * The indexes payment needs, created at start-up before it consumes commands
 * ({@link dev.orderflow.common.store.IndexesAtStart}). The unique index on the order id is what makes "one
 * payment per order" hold when two workers take the same charge at once.
 */
@ApplicationScoped
public class PaymentIndexes implements StoreIndexes {

    private final PaymentRepository payments;

    public PaymentIndexes(PaymentRepository payments) {
        this.payments = payments;
    }

    @Override
    public List<Uni<String>> indexes() {
        return List.of(
                payments.mongoCollection().createIndex(Indexes.ascending("orderId"), new IndexOptions().unique(true)),
                // the listings (Paging.NEWEST_FIRST): a customer's payments, and everyone's, walked in their order
                payments.mongoCollection().createIndex(
                        Indexes.compoundIndex(Indexes.ascending("customerId"), Indexes.descending("createdAt", "_id"))),
                payments.mongoCollection().createIndex(Indexes.descending("createdAt", "_id")));
    }

    /** A customer's payments without their order, which a MongoDB then sorted in memory for every page. */
    @Override
    public List<Uni<Void>> superseded() {
        return List.of(StoreIndexes.drop(payments.mongoCollection(), "customerId_1"));
    }
}
