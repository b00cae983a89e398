package dev.orderflow.common.http;

/**
 * A service this one calls over HTTP (the payment provider, the carrier) has no resource by the id it was given: it
 * answered 404 with the error code {@code resource_missing}. That is an answer, not a failure: no retry may change it,
 * and it says nothing against the service's health. A 404 without that code (a wrong URL, a proxy's page) is not one:
 * it stays a request refused.
 */
public class NoSuchResourceException extends RuntimeException {

    /** The error code the providers and carriers answer with for an id they do not know. */
    public static final String CODE = "resource_missing";

    public NoSuchResourceException(String peer) {
        super(peer + " has no such resource (" + CODE + ")", null, false, false);
    }

    /** Whether an answer of this status and error code says that the id is unknown. */
    public static boolean says(int status, String code) {
        return status == 404 && CODE.equals(code);
    }
}
