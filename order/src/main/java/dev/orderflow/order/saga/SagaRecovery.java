package dev.orderflow.order.saga;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.mongodb.client.model.Filters;

import dev.orderflow.common.store.StoreRetry;
import dev.orderflow.order.OrderStatus;
import dev.orderflow.order.config.OrderConfig;
import dev.orderflow.order.repository.OrderRepository;
import dev.orderflow.order.tracing.SagaSpans;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The recovery loop: moves on every saga past its deadline (whoever left it there, this instance or one that
 * crashed). Replicas may all run it: each change is conditional on the order's version, so only one of them makes it.
 * The events an order's outbox still holds are common's outbox sweep's ({@code OutboxSweeper}).
 */
@ApplicationScoped
public class SagaRecovery {

    private static final Logger LOG = Logger.getLogger(SagaRecovery.class);
    private static final int CONCURRENCY = 16;
    private static final List<String> UNDER_WAY = List.of(OrderStatus.PENDING.name(), OrderStatus.COMPENSATING.name());

    private final OrderRepository orders;
    private final OrderSagaRunner saga;
    private final SagaSpans spans;
    private final Admission admission;
    private final OrderConfig.Saga config;
    private final Clock clock;
    private final StoreRetry storeRetry;

    public SagaRecovery(OrderRepository orders, OrderSagaRunner saga, SagaSpans spans, Admission admission, OrderConfig config,
            Clock clock, StoreRetry storeRetry) {
        this.orders = orders;
        this.saga = saga;
        this.spans = spans;
        this.admission = admission;
        this.config = config.saga();
        this.clock = clock;
        this.storeRetry = storeRetry;
    }

    @Scheduled(every = "${order.saga.sweep-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sweep() {
        Instant now = clock.instant();
        return countUnderWay().chain(() -> moveOverdueSagas(now))
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf(failure, "Recovery sweep failed; the next one retries");
                    return Uni.createFrom().voidItem();
                });
    }

    /** Counts the sagas under way, for {@link Admission}: by the status index, which a MongoDB counts in. */
    Uni<Void> countUnderWay() {
        return storeRetry.call(() -> {
            long begun = admission.countBegins(); // each attempt's own
            return orders.mongoCollection().countDocuments(Filters.in("status", UNDER_WAY))
                    .invoke(underWay -> admission.counted(underWay, begun));
        }).replaceWithVoid();
    }

    Uni<Void> moveOverdueSagas(Instant now) {
        return storeRetry.call(() -> orders
                .find(Filters.and(Filters.in("status", UNDER_WAY),
                        Filters.lt("saga.deadline", now)))
                .range(0, config.sweepBatch() - 1).list())
                .onItem().transformToMulti(overdue -> Multi.createFrom().iterable(overdue))
                // each in the order's own trace, not the sweep's (SagaSpans.deadline)
                .onItem().transformToUni(order -> spans.deadline(order, () -> saga.onDeadline(order.id)).replaceWithVoid()
                        .onFailure().recoverWithUni(failure -> {
                            LOG.warnf("Order %s: deadline not handled yet (%s)", order.id, failure.toString());
                            return Uni.createFrom().voidItem();
                        }))
                .merge(CONCURRENCY)
                .collect().last().replaceWithVoid();
    }
}
