package dev.orderflow.contracts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a message contract, for instance {@code @MessageType("inventory.reserve")}. The name travels in the AMQP
 * {@code type} property; commands and events are routed by it, and consumers use it to pick the class to read the
 * JSON body into.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface MessageType {

    String value();
}
