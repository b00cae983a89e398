package dev.orderflow.inventory.service;

import static dev.orderflow.inventory.Stock.assertConserved;
import static dev.orderflow.inventory.Stock.newProduct;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.orderflow.common.store.StoreRetry;
import dev.orderflow.common.testing.ScriptedCollection;
import dev.orderflow.inventory.Product;
import dev.orderflow.inventory.Stock;
import dev.orderflow.inventory.repository.ProductRepository;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;

/**
 * The single-document guards that keep stock conserved, under real concurrency on the store; and that a guarded update
 * is made again after a failure before the store acted, never after an answer.
 */
@QuarkusTest
class StockLedgerTest {

    static final Duration DEADLINE = Duration.ofSeconds(20);

    @Inject
    StockLedger ledger;

    @Inject
    ProductRepository products;

    @Inject
    StoreRetry storeRetry;

    @Test
    void concurrentHoldsNeverTakeMoreThanIsAvailable() {
        String sku = newProduct("contended", 10, 0);

        List<StockLedger.Take> takes = Uni.join().all(IntStream.range(0, 40)
                .mapToObj(i -> ledger.hold("order-" + UUID.randomUUID(), sku, 1)).toList()).andFailFast()
                .await().atMost(DEADLINE);

        Map<StockLedger.Take.Kind, Long> kinds = takes.stream()
                .collect(Collectors.groupingBy(StockLedger.Take::kind, Collectors.counting()));
        assertEquals(Map.of(StockLedger.Take.Kind.TAKEN, 10L, StockLedger.Take.Kind.SHORT, 30L), kinds);
        Product product = Stock.product(products, sku);
        assertEquals(0, product.available);
        assertEquals(10, product.reserved);
        assertConserved(product);
    }

    @Test
    void anOrderTakesItsStockOnceHoweverOftenItAsks() {
        String sku = newProduct("once", 10, 0);
        String order = "order-" + UUID.randomUUID();

        List<StockLedger.Take> takes = Uni.join()
                .all(ledger.hold(order, sku, 3), ledger.hold(order, sku, 3), ledger.hold(order, sku, 3))
                .andFailFast().await().atMost(DEADLINE);

        assertEquals(1, takes.stream().filter(take -> take.kind() == StockLedger.Take.Kind.TAKEN).count());
        assertEquals(2, takes.stream().filter(take -> take.kind() == StockLedger.Take.Kind.ALREADY_HELD).count());
        assertEquals(7, Stock.product(products, sku).available);
    }

    @Test
    void releasingOrCommittingAHoldWorksOnce() {
        String sku = newProduct("settled", 10, 0);
        String released = "order-" + UUID.randomUUID();
        String committed = "order-" + UUID.randomUUID();
        ledger.hold(released, sku, 2).await().atMost(DEADLINE);
        ledger.hold(committed, sku, 3).await().atMost(DEADLINE);

        assertNotNull(ledger.releaseHold(released, sku, 2).await().atMost(DEADLINE));
        assertNull(ledger.releaseHold(released, sku, 2).await().atMost(DEADLINE));
        assertNotNull(ledger.commitHold(committed, sku, 3).await().atMost(DEADLINE));
        assertNull(ledger.commitHold(committed, sku, 3).await().atMost(DEADLINE));

        Product product = Stock.product(products, sku);
        assertEquals(7, product.available);
        assertEquals(0, product.reserved);
        assertEquals(3, product.sold);
        assertConserved(product);
    }

    @Test
    void soldStockComesBackOnceAndOnlyIfSold() {
        String sku = newProduct("given-back", 10, 0);
        String order = "order-" + UUID.randomUUID();
        ledger.hold(order, sku, 4).chain(() -> ledger.commitHold(order, sku, 4)).await().atMost(DEADLINE);

        assertNotNull(ledger.giveBack(order, sku, 4).await().atMost(DEADLINE));
        assertNull(ledger.giveBack(order, sku, 4).await().atMost(DEADLINE));
        ledger.forgetReturn(order, sku).await().atMost(DEADLINE);
        assertNull(ledger.giveBack("order-" + UUID.randomUUID(), sku, 4).await().atMost(DEADLINE), "nothing sold to give back");

        Product product = Stock.product(products, sku);
        assertEquals(10, product.available);
        assertEquals(0, product.sold);
        assertConserved(product);
    }

    @Test
    void writingOffIsRefusedBeyondWhatIsAvailable() {
        String sku = newProduct("written-off", 5, 0);

        assertNull(ledger.adjust(sku, -6, "too much").await().atMost(DEADLINE));
        Product after = ledger.adjust(sku, -5, "all of it").await().atMost(DEADLINE);

        assertEquals(0, after.available);
        assertEquals(0, after.received);
        assertConserved(after);
    }

    @Test
    void aConditionalUpdateIsMadeAgainWhenTheStoreCouldNotBeReached() {
        Product released = new Product();
        ScriptedCollection store = new ScriptedCollection().answer("findOneAndUpdate", ScriptedCollection.noServer(),
                released);

        Product answer = ledgerOn(store).releaseHold("order-1", "sku-1", 1).await().atMost(DEADLINE);

        assertSame(released, answer);
        assertEquals(2, store.calls("findOneAndUpdate"), "the update and its retry");
    }

    @Test
    void aConditionalUpdateThatMatchedNothingIsNotMadeAgain() {
        ScriptedCollection store = new ScriptedCollection().answer("findOneAndUpdate", ScriptedCollection.NOTHING);

        assertNull(ledgerOn(store).releaseHold("order-1", "sku-1", 1).await().atMost(DEADLINE));

        assertEquals(1, store.calls("findOneAndUpdate"), "the hold was given back already: nothing to retry");
    }

    /** The ledger on a store that answers as scripted, under the application's store retry. */
    private StockLedger ledgerOn(ScriptedCollection store) {
        return new StockLedger(new ProductRepository() {
            @Override
            public ReactiveMongoCollection<Product> mongoCollection() {
                return store.collection();
            }
        }, Clock.systemUTC(), storeRetry);
    }
}
