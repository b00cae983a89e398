package dev.orderflow.order.service;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.orderflow.common.rest.ProblemException;
import dev.orderflow.order.Order;
import dev.orderflow.order.OrderStatus;
import dev.orderflow.order.config.OrderConfig;
import dev.orderflow.order.messaging.OrderStatusFeed;
import dev.orderflow.order.repository.OrderRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.core.Vertx;

/**
 * The open streams of order statuses ({@code GET /orders/{id}/events}) of this instance. Each listens to
 * {@link OrderStatusFeed}, then reads its order once and sends its status; after that it sends each status pushed, and
 * a heartbeat every {@code order.events.heartbeat-interval}, reading the order at a heartbeat only when nothing was
 * pushed since the previous one: that is how a change stored by another replica reaches it, one read per quiet stream
 * per heartbeat. A stream ends once its order is DELIVERED or CANCELLED, or after {@code order.events.idle-timeout}
 * without a new status; beyond {@code order.events.max-streams} open streams a new one is refused (503).
 */
@ApplicationScoped
public class OrderStatusStreams {

    private static final Logger LOG = Logger.getLogger(OrderStatusStreams.class);
    private static final Heartbeat HEARTBEAT = new Heartbeat();

    /** What a stream sends. */
    public sealed interface Update permits StatusChanged, Heartbeat {
    }

    /**
     * The order's new status, with the entries its history gained since the stream's previous status (for the first,
     * its latest entry only): the step outcome that caused the change among them, the change's own entry last.
     */
    public record StatusChanged(OrderStatusFeed.Change change, List<Order.HistoryEntry> newEntries) implements Update {
    }

    /** Nothing new: the connection is alive. */
    public record Heartbeat() implements Update {
    }

    private final OrderRepository orders;
    private final OrderStatusFeed feed;
    private final Vertx vertx;
    private final OrderConfig.Events config;
    private final AtomicInteger open = new AtomicInteger();

    public OrderStatusStreams(OrderRepository orders, OrderStatusFeed feed, Vertx vertx, OrderConfig config,
            MeterRegistry metrics) {
        this.orders = orders;
        this.feed = feed;
        this.vertx = vertx;
        this.config = config.events();
        metrics.gauge("order.events.streams", open);
    }

    /**
     * The order's status, then each new one, with heartbeats, until the order is DELIVERED or CANCELLED or the stream
     * idles out. Refused at once with 503 when this instance has {@code order.events.max-streams} open: not on
     * subscription, since Quarkus REST sends a stream's headers (200) as it subscribes. The slot taken is given back
     * when the stream ends, fails or is cancelled (the client went away); the caller must subscribe.
     */
    public Multi<Update> follow(String orderId) {
        admit();
        return Multi.createFrom().<Update> emitter(emitter -> new Stream(orderId, emitter).start(),
                BackPressureStrategy.BUFFER)
                .onTermination().invoke(open::decrementAndGet);
    }

    private void admit() {
        int max = config.maxStreams();
        if (open.incrementAndGet() > max && max > 0) {
            open.decrementAndGet();
            throw ProblemException.unavailable(
                    "Too many order streams open (" + max + "): please try again shortly, or read GET /orders/{id}",
                    config.retryAfter());
        }
    }

    /**
     * One open stream: the version and status it sent last, its timers and its listener. Pushes, reads and timers
     * arrive on different threads; each takes the stream's lock, which is held for no I/O but the emission.
     */
    private final class Stream {

        private final String orderId;
        private final MultiEmitter<? super Update> emitter;
        private Runnable stopListening = () -> {
        };
        private long heartbeats = -1;
        private long idleTimer = -1;
        private long version = -1;
        private OrderStatus status;
        private int entriesSent;
        private boolean pushedSinceHeartbeat;
        private boolean reading;
        private boolean ended;

        Stream(String orderId, MultiEmitter<? super Update> emitter) {
            this.orderId = orderId;
            this.emitter = emitter;
        }

        synchronized void start() {
            emitter.onTermination(this::stop);
            if (ended) {
                return;
            }
            // listening first, reading second: a change stored in between is pushed, or read, or both (sent once)
            stopListening = feed.listen(orderId, change -> offer(change, true));
            heartbeats = vertx.setPeriodic(Math.max(1, config.heartbeatInterval().toMillis()), tick -> heartbeat());
            resetIdleTimer();
            read(true);
        }

        /** Sends the change when it is newer than what was sent and brings a new status; ends at a final one. */
        private synchronized void offer(OrderStatusFeed.Change change, boolean pushed) {
            pushedSinceHeartbeat |= pushed;
            if (ended || change.version() <= version) {
                return;
            }
            version = change.version();
            if (change.status() == status) {
                return;
            }
            int entries = change.history().size();
            // the first event: the latest entry only
            int from = status == null ? Math.max(0, entries - 1) : Math.min(entriesSent, entries);
            status = change.status();
            entriesSent = entries;
            emitter.emit(new StatusChanged(change, change.history().subList(from, entries)));
            if (status.isFinal()) {
                end();
            } else {
                resetIdleTimer();
            }
        }

        private synchronized void heartbeat() {
            if (ended || status == null) {
                return;
            }
            emitter.emit(HEARTBEAT);
            if (!pushedSinceHeartbeat && !reading) {
                read(false);
            }
            pushedSinceHeartbeat = false;
        }

        /**
         * Reads the order; the first read failing closes the stream (its headers are out: there is no error to answer
         * with), a later one is tried again at the next heartbeat.
         */
        private void read(boolean first) {
            reading = true;
            orders.findById(orderId).subscribe().with(order -> {
                synchronized (this) {
                    reading = false;
                    if (order == null) {
                        end();
                    } else {
                        offer(OrderStatusFeed.Change.of(order), false);
                    }
                }
            }, failure -> {
                synchronized (this) {
                    reading = false;
                    if (first) {
                        LOG.warnf("Order %s: stream closed, the order could not be read (%s)", orderId, failure.toString());
                        end();
                    } else {
                        LOG.debugf("Order %s: stream could not read the order (%s); tried again at the next heartbeat",
                                orderId, failure.toString());
                    }
                }
            });
        }

        private void resetIdleTimer() {
            if (idleTimer >= 0) {
                vertx.cancelTimer(idleTimer);
            }
            idleTimer = vertx.setTimer(Math.max(1, config.idleTimeout().toMillis()), timer -> idle());
        }

        private synchronized void idle() {
            if (!ended) {
                LOG.debugf("Order %s: stream closed, no new status for %s", orderId, config.idleTimeout());
                end();
            }
        }

        private void end() {
            if (!ended) {
                ended = true;
                emitter.complete();
            }
        }

        /** On completion, failure or cancellation (the client went away). */
        private synchronized void stop() {
            ended = true;
            stopListening.run();
            vertx.cancelTimer(heartbeats);
            vertx.cancelTimer(idleTimer);
        }
    }
}
