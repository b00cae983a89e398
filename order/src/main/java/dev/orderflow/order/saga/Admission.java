package dev.orderflow.order.saga;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.orderflow.common.rest.ProblemException;
import dev.orderflow.order.config.OrderConfig;

/**
 * Admission control for new orders: how many sagas are under way, as the recovery loop last counted them in the store,
 * plus those started and minus those ended here since; at {@code order.admission.max-in-flight} a new order is refused
 * with 503 and Retry-After before anything is stored. An overloaded system that queued every order would make each
 * wait longer than its steps' deadlines, and the saga's re-sends would then multiply the load; refusing early keeps
 * the orders it took moving at full speed.
 * <p>
 * A count takes time, and sagas start and end meanwhile; the count may or may not have seen them. Those that started
 * are added to it all the same, and those that ended are not taken off (an end is told before it is stored): until
 * the next count, the estimate of this instance's own sagas may be a saga or two over, never under. The bound is
 * approximate all the same: requests checked at once are all admitted before any of them is counted, and with several
 * instances each adds only its own starts between counts.
 */
@ApplicationScoped
public class Admission {

    private final int maxInFlight;
    private final Duration retryAfter;
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong ended = new AtomicLong();
    /** The last count, and how many sagas this instance had started and ended by then. */
    private volatile Count count = new Count(0, 0, 0);

    private record Count(long underWay, long started, long ended) {
    }

    @Inject
    public Admission(OrderConfig config) {
        this(config.admission().maxInFlight(), config.admission().retryAfter());
    }

    Admission(int maxInFlight, Duration retryAfter) {
        this.maxInFlight = maxInFlight;
        this.retryAfter = retryAfter;
    }

    /** Refuses a new order when the sagas under way are at the bound. */
    public void admit() {
        if (maxInFlight > 0 && inFlight() >= maxInFlight) {
            throw ProblemException.unavailable(
                    "Too many orders under way (" + maxInFlight + "): nothing was stored; please try again shortly",
                    retryAfter);
        }
    }

    /** A saga was stored and started here. */
    public void started() {
        started.incrementAndGet();
    }

    /** A saga's end is about to be stored: told first, so that a count that sees it finds it taken off already. */
    public void ended() {
        ended.incrementAndGet();
    }

    /** The end told was not stored after all. */
    public void notEnded() {
        ended.decrementAndGet();
    }

    /** Where a count of the store begins, taken just before it is asked for: to hand to {@link #counted}. */
    long countBegins() {
        return started.get();
    }

    /**
     * The store's count of sagas under way, asked for at {@code begun} ({@link #countBegins}): it replaces the estimate,
     * with the sagas started here since it began added, and those ended here until now taken as counted.
     */
    void counted(long underWay, long begun) {
        count = new Count(underWay, begun, ended.get());
    }

    long inFlight() {
        Count last = count;
        long endedNow = ended.get(); // read before the starts: a saga started and ended in between counts once more
        return Math.max(0, last.underWay() + (started.get() - last.started()) - (endedNow - last.ended()));
    }
}
