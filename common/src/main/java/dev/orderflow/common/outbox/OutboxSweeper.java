package dev.orderflow.common.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Publishes what the service's outboxes still hold after {@code orderflow.outbox.republish-after}: messages whose
 * publishing failed, or whose worker crashed between storing the change and hearing the broker's confirm. Several
 * replicas may sweep at once: a message then goes out twice, under the same id.
 * <p>
 * How many messages each sweep found waiting so is the gauge {@code outbox.backlog} (tag {@code outbox}, the outbox's
 * collection): the backlog as the last sweep saw it (at most {@code sweep-batch} documents' worth), with no store
 * query of its own. A sweep that failed leaves the previous figure.
 */
@ApplicationScoped
public class OutboxSweeper {

    private static final Logger LOG = Logger.getLogger(OutboxSweeper.class);

    /** The outbox sweep's settings, shared by every service. */
    @ConfigMapping(prefix = "orderflow.outbox")
    public interface Config {

        /** How often the sweep runs (the scheduler reads {@code orderflow.outbox.sweep-interval} itself). */
        @WithDefault("10s")
        Duration sweepInterval();

        /** How long a message waits before the sweep publishes it (newer ones are being published by their worker). */
        @WithDefault("10s")
        Duration republishAfter();

        /** How many documents of one outbox a sweep handles at most. */
        @WithDefault("100")
        int sweepBatch();
    }

    public static final String BACKLOG = "outbox.backlog";

    private final Instance<Outbox<?>> outboxes;
    private final Config config;
    private final Clock clock;
    private final MeterRegistry registry;
    /** The last sweep's figure, per outbox. */
    private final Map<String, AtomicInteger> backlogs = new ConcurrentHashMap<>();

    public OutboxSweeper(@Any Instance<Outbox<?>> outboxes, Config config, Clock clock, MeterRegistry registry) {
        this.outboxes = outboxes;
        this.config = config;
        this.clock = clock;
        this.registry = registry;
    }

    @Scheduled(every = "${orderflow.outbox.sweep-interval:10s}", delayed = "${orderflow.outbox.sweep-interval:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledSweep() {
        return sweep();
    }

    /** One sweep of every outbox. Never fails: the next sweep retries. */
    public Uni<Void> sweep() {
        var before = clock.instant().minus(config.republishAfter());
        return Multi.createFrom().iterable(outboxes)
                .onItem().transformToUniAndConcatenate(outbox -> outbox.sweep(before, config.sweepBatch())
                        .invoke(waiting -> backlog(outbox.name()).set(waiting)).replaceWithVoid()
                        .onFailure().recoverWithUni(failure -> {
                            LOG.warnf(failure, "Outbox sweep of %s failed; the next one retries",
                                    outbox.getClass().getSimpleName());
                            return Uni.createFrom().voidItem();
                        }))
                .collect().last().replaceWithVoid();
    }

    private AtomicInteger backlog(String outbox) {
        return backlogs.computeIfAbsent(outbox, name -> {
            AtomicInteger waiting = new AtomicInteger();
            Gauge.builder(BACKLOG, waiting, AtomicInteger::get)
                    .description(
                            "Messages waiting in the outbox longer than orderflow.outbox.republish-after, at its last sweep")
                    .tag("outbox", name).register(registry);
            return waiting;
        });
    }
}
