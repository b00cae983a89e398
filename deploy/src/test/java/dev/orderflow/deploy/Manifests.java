package dev.orderflow.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/** The Kubernetes objects an overlay renders to, looked up by kind and name. */
record Manifests(String source, List<JsonNode> objects) {

    List<JsonNode> ofKind(String kind) {
        return objects.stream().filter(object -> kind.equals(object.path("kind").asText())).toList();
    }

    Optional<JsonNode> find(String kind, String name) {
        return ofKind(kind).stream().filter(object -> name.equals(name(object))).findFirst();
    }

    JsonNode get(String kind, String name) {
        return find(kind, name).orElseGet(() -> fail(source + " has no " + kind + " named " + name + "; its " + kind
                + " objects: " + ofKind(kind).stream().map(Manifests::name).toList()));
    }

    /** The containers of a Deployment's or StatefulSet's pods. */
    static List<JsonNode> containers(JsonNode workload) {
        return elements(workload.path("spec").path("template").path("spec").path("containers"));
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    static String describe(JsonNode object) {
        return object.path("kind").asText() + " " + name(object);
    }

    static List<JsonNode> elements(JsonNode array) {
        return Stream.iterate(0, i -> i < array.size(), i -> i + 1).map(array::get).toList();
    }
}
