package dev.orderflow.common.rest;

import java.util.List;
import java.util.function.Function;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One page of a listing: the shape of every list endpoint. A service answers with a page of domain objects
 * ({@code dev.orderflow.common.store.Paging}), and its resource maps them to views with {@link #map(Function)}.
 *
 * @param items this page's items
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param total how many items the whole listing has
 */
@RegisterForReflection
public record Page<T>(List<T> items, int page, int size, long total) {

    /** A page of a listing that has nothing (for this caller). */
    public static <T> Page<T> empty(int page, int size) {
        return new Page<>(List.of(), page, size, 0);
    }

    /** The same page with each item mapped, such as a domain object to its view. */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R> map(mapper).toList(), page, size, total);
    }
}
