package dev.orderflow.order.saga;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orderflow.common.rest.ProblemException;
import dev.orderflow.order.config.OrderConfig;

/**
 * Admission control for new orders: how many sagas are under way, as the recovery loop last counted them in the store,
 * plus those started and minus those ended here since; at {@code order.admission.max-in-flight} a new order is refused
 * with 503 and Retry-After before anything is stored. An overloaded system that queued every order would make each
 * wait longer than its steps' deadlines, and the saga's re-sends would then multiply the load; refusing early keeps
 * the orders it took moving at full speed.
 */
@ApplicationScoped
public class Admission {

    private final int maxInFlight;
    private final Duration retryAfter;
    private final AtomicLong counted = new AtomicLong();
    private final AtomicLong changedSince = new AtomicLong();

    public Admission(OrderConfig config) {
        this.maxInFlight = config.admission().maxInFlight();
        this.retryAfter = config.admission().retryAfter();
    }

    /** Refuses a new order when the sagas under way are at the bound. */
    public void admit() {
        if (maxInFlight > 0 && inFlight() >= maxInFlight) {
            throw ProblemException.unavailable(
                    "Too many orders under way (" + maxInFlight + "): nothing was stored; please try again shortly",
                    retryAfter);
        }
    }

    public void started() {
        changedSince.incrementAndGet();
    }

    public void ended() {
        changedSince.decrementAndGet();
    }

    /** The store's count of sagas under way, which replaces what was estimated since the last count. */
    void counted(long underWay) {
        counted.set(underWay);
        changedSince.set(0);
    }

    long inFlight() {
        return Math.max(0, counted.get() + changedSince.get());
    }
}
