package dev.orderflow.payment.repository;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import dev.orderflow.common.store.MongoSupport;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * Creates payment's indexes before it starts consuming commands. The unique index on the order id is what makes "one
 * payment per order" hold when two workers take the same charge at once.
 */
@ApplicationScoped
public class PaymentIndexes {

    private static final Logger LOG = Logger.getLogger(PaymentIndexes.class);

    private final PaymentRepository payments;

    public PaymentIndexes(PaymentRepository payments) {
        this.payments = payments;
    }

    void onStart(@Observes @Priority(MongoSupport.BEFORE_MESSAGING) StartupEvent start) {
        create().await().atMost(MongoSupport.INDEX_CREATION_TIMEOUT);
        LOG.debug("Indexes in place");
    }

    Uni<Void> create() {
        return Uni.combine().all().unis(
                payments.mongoCollection().createIndex(Indexes.ascending("orderId"), new IndexOptions().unique(true)),
                payments.mongoCollection().createIndex(Indexes.ascending("customerId")))
                .discardItems();
    }
}
