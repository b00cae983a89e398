package dev.orderflow.common.lease;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

import org.bson.conversions.Bson;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import dev.orderflow.common.store.MongoSupport;
import dev.orderflow.common.store.StoreRetry;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Uni;

/**
 * One worker at a time on a document, repaired if the worker dies. A worker holds a document's lease while the
 * document's {@value #OWNER} is its token and its {@value #UNTIL} is ahead. It takes a free or run-out lease with one
 * conditional update ({@link #take}; {@link #runIf} also makes the work's first change in it), or gets it with the
 * document it inserts ({@link #grant}); makes each change
 * conditional on still holding it ({@link #heldBy}); refreshes it with each step ({@link #grant}); and gives it back
 * with its last change ({@link #giveBack}). A worker that dies leaves a lease that runs out: the next one may take
 * it, and finishes what the dead one left half done. Its store calls are under the store's retry ({@link StoreRetry}):
 * one that failed before the store acted is made again, as the lease it takes or gives back is unchanged then. Its
 * wait for another worker's lease is fault tolerance's too ({@link LeaseWait}).
 */
public final class Lease {

    /** The field holding the lease's owner, a token of the worker's. */
    public static final String OWNER = "leaseOwner";
    /** The field holding the instant the lease runs out. */
    public static final String UNTIL = "leaseUntil";

    private final Duration duration;
    private final Clock clock;
    private final StoreRetry storeRetry;
    private final LeaseWait wait;

    public Lease(Duration duration, Clock clock, StoreRetry storeRetry, LeaseWait wait) {
        this.duration = duration;
        this.clock = clock;
        this.storeRetry = storeRetry;
        this.wait = wait;
    }

    /** A new worker's token. */
    public static String newOwner() {
        return UUID.randomUUID().toString();
    }

    public Duration duration() {
        return duration;
    }

    /** When a lease taken or refreshed now runs out. */
    public Instant until() {
        return clock.instant().plus(duration);
    }

    /** The update that gives the lease to {@code owner} from now: to take it, or to refresh it while holding it. */
    public Bson grant(String owner) {
        return Updates.combine(Updates.set(OWNER, owner), Updates.set(UNTIL, until()));
    }

    /** The filter of a document that is its worker's to change: the lease is {@code owner}'s. */
    public static Bson heldBy(String owner) {
        return Filters.eq(OWNER, owner);
    }

    /** The update that gives the lease back, with the change that settles the document. */
    public static Bson giveBack() {
        return Updates.combine(Updates.unset(OWNER), Updates.unset(UNTIL));
    }

    /** Whether a lease running out at {@code until} is gone, or goes within {@code margin}. */
    public boolean runsOutWithin(Instant until, Duration margin) {
        return until == null || clock.instant().plus(margin).isAfter(until);
    }

    /**
     * Takes the lease of the document {@code _id = id} for {@code owner}, if it is free or ran out: the document as it
     * is now held. Fails with {@link LeaseBusyException} while another worker holds it.
     */
    public <D> Uni<D> take(ReactiveMongoCollection<D> collection, Object id, String owner) {
        return storeRetry.call(() -> collection.findOneAndUpdate(free(id), grant(owner), MongoSupport.RETURN_AFTER))
                .onItem().ifNull().failWith(() -> new LeaseBusyException(id));
    }

    private Bson free(Object id) {
        return Filters.and(Filters.eq("_id", id), Filters.or(Filters.eq(UNTIL, null), Filters.lt(UNTIL, clock.instant())));
    }

    /** Gives the lease back, if {@code owner} still holds it. */
    public <D> Uni<Void> giveBack(ReactiveMongoCollection<D> collection, Object id, String owner) {
        return storeRetry.call(() -> collection.updateOne(Filters.and(Filters.eq("_id", id), heldBy(owner)), giveBack()))
                .replaceWithVoid();
    }

    /**
     * Runs {@code work} under the lease of the document {@code _id = id}: takes it for a new owner, runs the work on
     * the document as held, and gives the lease back when the work ends, unless the document it ends with shows it
     * given back already ({@code ownerOf} null: its last change settled it). While another worker holds the lease,
     * waits for it (backing off), at most the lease's duration and a second: then fails with
     * {@link LeaseBusyException}.
     */
    public <D> Uni<D> run(ReactiveMongoCollection<D> collection, Object id, Function<D, Uni<D>> work,
            Function<D, String> ownerOf) {
        return waitingForOthers(Uni.createFrom().deferred(() -> {
            String owner = newOwner();
            return take(collection, id, owner).chain(held -> working(collection, id, owner, held, work, ownerOf));
        }));
    }

    /**
     * As {@link #run}, for a document that is free and matches {@code expected}, which the write that takes the lease
     * also changes by {@code change}: the read, the lease and the first change of the work in one write. Does not
     * wait: yields null (and runs nothing) when the document is missing, leased or not as expected, for the caller to
     * read it and decide.
     */
    public <D> Uni<D> runIf(ReactiveMongoCollection<D> collection, Object id, Bson expected, Bson change,
            Function<D, Uni<D>> work, Function<D, String> ownerOf) {
        return Uni.createFrom().deferred(() -> {
            String owner = newOwner();
            return storeRetry
                    .call(() -> collection.findOneAndUpdate(Filters.and(free(id), expected),
                            Updates.combine(grant(owner), change), MongoSupport.RETURN_AFTER))
                    .onItem().ifNotNull().transformToUni(held -> working(collection, id, owner, held, work, ownerOf));
        });
    }

    private <D> Uni<D> working(ReactiveMongoCollection<D> collection, Object id, String owner, D held,
            Function<D, Uni<D>> work, Function<D, String> ownerOf) {
        return work.apply(held)
                .call(done -> ownerOf.apply(done) == null ? Uni.createFrom().voidItem() : giveBack(collection, id, owner))
                .onFailure().call(() -> giveBack(collection, id, owner));
    }

    /**
     * Subscribes again to {@code attempt} while it fails with {@link LeaseBusyException}, backing off, under
     * {@link LeaseWait}'s guard, for at most the lease's duration and a second: another worker finishes within its
     * lease, or is taken for dead after it. A busy lease past that bound ends the wait with its
     * {@link LeaseBusyException}.
     */
    public <T> Uni<T> waitingForOthers(Uni<T> attempt) {
        return Uni.createFrom().deferred(() -> {
            long giveUpAt = System.nanoTime() + duration.plusSeconds(1).toNanos();
            return wait.call(() -> attempt.onFailure(LeaseBusyException.class)
                    .transform(busy -> System.nanoTime() - giveUpAt < 0 ? busy : new WaitedLongEnough(busy)));
        }).onFailure(WaitedLongEnough.class).transform(over -> ((WaitedLongEnough) over).busy);
    }

    /**
     * A lease still busy when the wait is over. Neither a {@link LeaseBusyException} nor caused by one, so the guard,
     * which looks at a failure's causes too, does not retry it.
     */
    private static final class WaitedLongEnough extends RuntimeException {

        final Throwable busy;

        WaitedLongEnough(Throwable busy) {
            super(null, null, false, false);
            this.busy = busy;
        }
    }
}
