package dev.orderflow.common.rest;

/** What the resources' query parameters share. */
public final class QueryParams {

    private QueryParams() {
    }

    /** The value, or null when it is blank: a filter given as {@code ?category=} is a filter not given. */
    public static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
