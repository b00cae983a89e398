package dev.orderflow.order.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.orderflow.order.Order;
import dev.orderflow.order.saga.SagaPhase;

/** The cache hands an order to one change at a time, keeps only running sagas, and forgets the oldest first. */
class OrderCacheTest {

    @Test
    void anOrderTakenIsNoLongerThereUntilItIsPutBack() {
        OrderCache cache = new OrderCache(10);
        Order order = order("o-1", SagaPhase.RUNNING);
        cache.put(order);

        assertSame(order, cache.take("o-1").orElseThrow());
        assertTrue(cache.take("o-1").isEmpty(), "a second change reads the store");
        cache.put(order);
        assertSame(order, cache.take("o-1").orElseThrow());
    }

    @Test
    void anOrderWhoseSagaEndedIsNotKept() {
        OrderCache cache = new OrderCache(10);
        for (SagaPhase ended : new SagaPhase[] { SagaPhase.COMPLETED, SagaPhase.COMPENSATED,
                SagaPhase.COMPENSATION_REFUSED }) {
            cache.put(order("o-" + ended, ended));
        }
        cache.put(order("o-compensating", SagaPhase.COMPENSATING));

        assertEquals(1, cache.size());
        assertTrue(cache.take("o-compensating").isPresent());
    }

    @Test
    void beyondItsCapacityTheLeastRecentlyUsedGoesFirst() {
        OrderCache cache = new OrderCache(2);
        cache.put(order("o-1", SagaPhase.RUNNING));
        cache.put(order("o-2", SagaPhase.RUNNING));
        cache.put(order("o-3", SagaPhase.RUNNING));

        assertEquals(2, cache.size());
        assertTrue(cache.take("o-1").isEmpty());
    }

    @Test
    void aCapacityOfZeroKeepsNothing() {
        OrderCache cache = new OrderCache(0);
        cache.put(order("o-1", SagaPhase.RUNNING));

        assertTrue(cache.take("o-1").isEmpty());
    }

    private static Order order(String id, SagaPhase phase) {
        Order order = new Order();
        order.id = id;
        order.saga.phase = phase;
        return order;
    }
}
