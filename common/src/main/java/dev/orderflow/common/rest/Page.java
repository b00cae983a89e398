package dev.orderflow.common.rest;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * One page of a listing.
 *
 * @param items this page's items
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param total how many items the whole listing has
 */
@RegisterForReflection
public record Page<T>(List<T> items, int page, int size, long total) {
}
