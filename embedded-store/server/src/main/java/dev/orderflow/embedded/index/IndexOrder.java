package dev.orderflow.embedded.index;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

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
 * by the whole sort; with no query, the documents of a value that lies wholly before the page are skipped unread.
 */
public final class IndexOrder {

    /** The documents a query still has to match, in the sort's order; {@code skip} of the matching ones to pass. */
    public record Walk(Stream<Document> documents, int skip) {
    }

    private IndexOrder() {
    }

    /**
     * The walk for a query on a collection of {@code documents} documents with these indexes, if an index gives its
     * sort and none narrows the query (the store then reads the documents that index finds, and sorts them).
     *
     * @param read the document at a position
     */
    public static <P> Optional<Walk> walk(List<Index<P>> indexes, long documents, Document query, Document orderBy,
            int skip, Function<P, Document> read) {
        if (orderBy == null || orderBy.isEmpty() || orderBy.containsKey("$natural")
                || indexes.stream().anyMatch(index -> index.canHandle(query))) {
            return Optional.empty();
        }
        for (Index<P> index : indexes) {
            if (index instanceof SecondaryIndex<P> secondary) {
                Optional<Boolean> ascending = secondary.walkingOrder(orderBy, documents);
                if (ascending.isPresent()) {
                    return Optional.of(walk(secondary.positionsInOrder(ascending.get()), query.isEmpty() ? skip : 0,
                            skip, new DocumentComparator(orderBy), read));
                }
            }
        }
        return Optional.empty();
    }

    private static <P> Walk walk(List<List<P>> groups, int unread, int skip, Comparator<Document> order,
            Function<P, Document> read) {
        int first = 0;
        int passed = 0;
        while (first < groups.size() && passed + groups.get(first).size() <= unread) {
            passed += groups.get(first++).size();
        }
        Stream<Document> documents = groups.subList(first, groups.size()).stream()
                .flatMap(group -> group.size() == 1 ? Stream.of(read.apply(group.get(0)))
                        : group.stream().map(read).filter(Objects::nonNull).sorted(order))
                .filter(Objects::nonNull);
        return new Walk(documents, skip - passed);
    }
}
