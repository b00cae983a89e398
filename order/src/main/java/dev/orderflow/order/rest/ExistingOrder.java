package dev.orderflow.order.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.ws.rs.NameBinding;

/**
 * The endpoint's {@code {id}} must name an existing order, checked before the endpoint runs: for a stream, whose
 * headers go out before its first event, that is the only moment a 404 can still be sent.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
public @interface ExistingOrder {
}
