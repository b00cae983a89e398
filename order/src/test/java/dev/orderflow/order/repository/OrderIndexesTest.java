package dev.orderflow.order.repository;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.mongodb.client.model.Indexes;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

/**
 * The order service starts with the indexes its listings walk in their order (newest first, then by id), and drops
 * those they replaced, also when a store from an earlier version still has them.
 */
@QuarkusTest
class OrderIndexesTest {

    static final Duration DEADLINE = Duration.ofSeconds(10);

    @Inject
    OrderRepository orders;

    @Inject
    OrderIndexes indexes;

    @Test
    void theListingsHaveIndexesInTheirOrderAndTheOldOnesAreDropped() {
        List<String> names = names();
        assertTrue(names.containsAll(List.of("customerId_1_createdAt_-1__id_-1", "createdAt_-1__id_-1")), names::toString);
        assertFalse(names.contains("createdAt_-1") || names.contains("customerId_-1_createdAt_-1"), names::toString);

        // a store as an earlier version left it
        orders.mongoCollection().createIndex(Indexes.descending("createdAt")).await().atMost(DEADLINE);
        orders.mongoCollection().createIndex(Indexes.descending("customerId", "createdAt")).await().atMost(DEADLINE);
        assertTrue(names().containsAll(List.of("createdAt_-1", "customerId_-1_createdAt_-1")));

        dropSuperseded();
        assertFalse(names().contains("createdAt_-1") || names().contains("customerId_-1_createdAt_-1"), "dropped at start");
        dropSuperseded(); // and once more, with nothing left to drop
        assertTrue(names().containsAll(List.of("customerId_1_createdAt_-1__id_-1", "createdAt_-1__id_-1")));
    }

    private void dropSuperseded() {
        Uni.join().all(indexes.superseded()).andFailFast().await().atMost(DEADLINE);
    }

    private List<String> names() {
        return orders.mongoCollection().listIndexes().map(index -> index.getString("name")).collect().asList()
                .await().atMost(DEADLINE);
    }
}
