package dev.orderflow.embedded.index;

import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import de.bwaldvogel.mongo.backend.DocumentComparator;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.bson.Document;

/**
 * A sorted query read along an index, as MongoDB reads it: when the sort is the order of a non-unique index and no
 * index narrows the query itself, the documents are read in the index's order, and the read stops once the page is
 * full. Out of the box, mongo-java-server reads, matches and sorts the whole collection for every page of a listing,
 * so that page n of the newest orders costs as much as reading them all.
 * <p>
 * Within one value of the index's first field the documents are few (one, for a time of creation), and are sorted
 * by the whole sort. With no query, the documents before the page are passed unread. The index's positions are copied
 * a run of values at a time, as the walk reaches them.
 */
public final class IndexOrder {

    /** How many values of the first field a walk copies the positions of at a time. */
    static final int RUN = 64;

    /** The documents a query still has to match, in the sort's order; {@code skip} of the matching ones to pass. */
    public record Walk(Stream<Document> documents, int skip) {
    }

    private IndexOrder() {
    }

    /**
     * The walk for a query on a collection with these indexes, if an index gives its sort and none narrows the query
     * (the store then reads the documents that index finds, and sorts them).
     *
     * @param documents how many documents the collection has
     * @param read the document at a position
     */
    public static <P> Optional<Walk> walk(List<Index<P>> indexes, LongSupplier documents, Document query, Document orderBy,
            int skip, Function<P, Document> read) {
        if (orderBy == null || orderBy.isEmpty() || orderBy.containsKey("$natural")
                || indexes.stream().anyMatch(index -> index.canHandle(query))) {
            return Optional.empty();
        }
        for (Index<P> index : indexes) {
            if (index instanceof SecondaryIndex<P> secondary) {
                Optional<Boolean> ascending = secondary.walkingOrder(orderBy, documents.getAsLong());
                if (ascending.isPresent()) {
                    SecondaryIndex.Passed passed = query.isEmpty() && skip > 0 ? secondary.passing(ascending.get(), skip)
                            : new SecondaryIndex.Passed(SecondaryIndex.START, 0);
                    Iterator<List<P>> groups = new Groups<>(secondary, ascending.get(), passed.after());
                    return Optional.of(new Walk(documents(groups, new DocumentComparator(orderBy), read),
                            skip - passed.passed()));
                }
            }
        }
        return Optional.empty();
    }

    private static <P> Stream<Document> documents(Iterator<List<P>> groups, Comparator<Document> order,
            Function<P, Document> read) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(groups, Spliterator.ORDERED), false)
                .flatMap(group -> group.size() == 1 ? Stream.of(read.apply(group.get(0)))
                        : group.stream().map(read).filter(Objects::nonNull).sorted(order))
                .filter(Objects::nonNull);
    }

    /** The index's lists of positions, a value of the first field each, in order, copied a run at a time. */
    private static final class Groups<P> implements Iterator<List<P>> {

        private final SecondaryIndex<P> index;
        private final boolean ascending;
        private Object after;
        private Iterator<Map.Entry<Object, List<P>>> run = Collections.emptyIterator();
        private boolean lastRun;

        Groups(SecondaryIndex<P> index, boolean ascending, Object after) {
            this.index = index;
            this.ascending = ascending;
            this.after = after;
        }

        @Override
        public boolean hasNext() {
            if (!run.hasNext() && !lastRun) {
                List<Map.Entry<Object, List<P>>> next = index.positions(ascending, after, RUN);
                lastRun = next.size() < RUN;
                run = next.iterator();
            }
            return run.hasNext();
        }

        @Override
        public List<P> next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Map.Entry<Object, List<P>> group = run.next();
            after = group.getKey();
            return group.getValue();
        }
    }
}
