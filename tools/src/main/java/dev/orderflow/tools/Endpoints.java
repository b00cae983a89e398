package dev.orderflow.tools;

import java.net.URI;

/** Where the five services answer. */
public record Endpoints(URI order, URI inventory, URI payment, URI shipping, URI notification) {

    /** The local run's ports on localhost. */
    public static Endpoints local() {
        return new Endpoints(URI.create("http://localhost:8080"), URI.create("http://localhost:8081"),
                URI.create("http://localhost:8082"), URI.create("http://localhost:8083"), URI.create("http://localhost:8084"));
    }
}
