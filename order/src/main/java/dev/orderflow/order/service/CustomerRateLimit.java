package dev.orderflow.order.service;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.orderflow.common.rest.ProblemException;
import dev.orderflow.order.config.OrderConfig;

/**
 * How many orders a customer may place: {@code order.rate-limit.per-customer} a second, with bursts of as many (a
 * token bucket per customer: the token's subject, which the order's customerId must equal).
 * Beyond it, {@code POST /orders} is answered 429 with the Retry-After after which the next order is taken, before
 * anything is stored. The buckets are in this instance's memory, at most {@code order.rate-limit.max-customers} of
 * them: a customer's bucket is dropped once it is full again (it then holds nothing a new bucket would not), when room
 * is needed; with every bucket still in use, a customer without one is refused until one empties. With several
 * replicas, each counts its own requests.
 */
@ApplicationScoped
public class CustomerRateLimit {

    private final double perSecond;
    private final double burst;
    private final int maxCustomers;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Inject
    public CustomerRateLimit(OrderConfig config) {
        this(config.rateLimit().perCustomer(), config.rateLimit().maxCustomers(), System::nanoTime);
    }

    CustomerRateLimit(double perSecond, int maxCustomers, LongSupplier nanoTime) {
        this.perSecond = perSecond;
        this.burst = Math.max(1, Math.ceil(perSecond));
        this.maxCustomers = maxCustomers;
        this.nanoTime = nanoTime;
    }

    /** Takes one order of {@code customerId}'s allowance, or refuses it with 429. 0 a second takes every order. */
    public void admit(String customerId) {
        if (perSecond <= 0) {
            return;
        }
        long now = nanoTime.getAsLong();
        if (buckets.size() >= maxCustomers && !buckets.containsKey(customerId)) {
            buckets.forEach((customer, bucket) -> buckets.computeIfPresent(customer,
                    (key, same) -> same.fullAt(now, perSecond, burst) ? null : same));
        }
        long[] waitNanos = { 0 };
        Bucket taken = buckets.compute(customerId, (key, bucket) -> {
            if (bucket == null && buckets.size() >= maxCustomers) {
                waitNanos[0] = (long) (1e9 / perSecond);
                return null;
            }
            Bucket current = bucket == null ? new Bucket(burst, now) : bucket;
            waitNanos[0] = current.take(now, perSecond, burst);
            return current;
        });
        if (waitNanos[0] > 0) {
            throw ProblemException.tooManyRequests(taken == null
                    ? "Too many customers are placing orders right now: nothing was stored; please try again shortly"
                    : "More than " + format(perSecond) + " orders a second for this customer: nothing was stored; please"
                            + " try again after the Retry-After seconds",
                    Duration.ofNanos(waitNanos[0]));
        }
    }

    /** Customers whose bucket this instance holds. */
    int customers() {
        return buckets.size();
    }

    private static String format(double rate) {
        return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }

    /** Orders a customer may still place now; changed only inside the map's compute for its key. */
    private static final class Bucket {

        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        /** Takes one token: 0, or the nanoseconds until one is there. */
        long take(long now, double perSecond, double burst) {
            tokens = Math.min(burst, tokens + (now - refilledAt) / 1e9 * perSecond);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perSecond * 1e9);
        }

        boolean fullAt(long now, double perSecond, double burst) {
            return tokens + (now - refilledAt) / 1e9 * perSecond >= burst;
        }
    }
}
