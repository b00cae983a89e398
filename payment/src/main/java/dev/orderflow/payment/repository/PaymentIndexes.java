package dev.orderflow.payment.repository;

import java.time.Duration;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;

import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;

/**
 * Creates the indexes at start. The unique index on the order id is what makes "one payment per order" hold when
 * two workers take the same charge at once, so commands are not consumed before it exists.
 */
@ApplicationScoped
public class PaymentIndexes {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Logger LOG = Logger.getLogger(PaymentIndexes.class);

    private final PaymentRepository payments;

    public PaymentIndexes(PaymentRepository payments) {
        this.payments = payments;
    }

    /** Runs before the messaging channels start (they start at LIBRARY_BEFORE), and waits: it is start-up, not a request. */
    void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE - 1) StartupEvent start) {
        create().await().atMost(STARTUP_TIMEOUT);
    }

    Uni<Void> create() {
        return Uni.combine().all().unis(
                payments.mongoCollection().createIndex(Indexes.ascending("orderId"), new IndexOptions().unique(true)),
                payments.mongoCollection().createIndex(Indexes.ascending("customerId")))
                .discardItems()
                .invoke(() -> LOG.debug("Indexes in place"));
    }
}
