package dev.orderflow.common.store;

import org.bson.Document;

import dev.orderflow.common.rest.Page;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheQuery;
import io.smallrye.mutiny.Uni;

/**
 * How every listing reads the store: the documents that match a {@link Filter}, in an order that the id makes total
 * (so pages neither repeat nor skip a document), one page at a time with the total of the whole listing.
 */
public final class Paging {

    /** Newest first; the id breaks ties. */
    public static final Document NEWEST_FIRST = new Document("createdAt", -1).append("_id", -1);

    private Paging() {
    }

    /**
     * The page of the query's documents, with how many documents the query has in all: two store calls, a find and a
     * count, made together, under the store's retry (the query's calls are not the repository's own).
     *
     * @param page the page number, from 0
     * @param size how many documents a page has
     */
    public static <T> Uni<Page<T>> page(StoreRetry storeRetry, ReactivePanacheQuery<T> query, int page, int size) {
        return storeRetry.call(() -> Uni.combine().all()
                .unis(query.page(page, size).<T> list(), query.count())
                .with((items, total) -> new Page<>(items, page, size, total)));
    }

    /** A filter that matches every document until criteria are added. */
    public static Filter filter() {
        return new Filter();
    }

    /** The criteria of a listing, all of which a document must meet; a criterion whose value is null is left out. */
    public static final class Filter {

        private final Document query = new Document();

        private Filter() {
        }

        /** Only documents whose field equals the value (an enum by its name), unless the value is null. */
        public Filter eq(String field, Object value) {
            if (value != null) {
                query.append(field, value instanceof Enum<?> constant ? constant.name() : value);
            }
            return this;
        }

        /** Only documents that meet the criterion (a query document such as {@code {$expr: ...}}), if it applies. */
        public Filter where(boolean applies, Document criterion) {
            if (applies) {
                query.putAll(criterion);
            }
            return this;
        }

        /** The query document, as {@code find} takes it. */
        public Document toDocument() {
            return query;
        }
    }
}
