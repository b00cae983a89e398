package dev.orderflow.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One set of memory figures for a service: what the Kubernetes manifests request and limit, what Compose limits, and
 * what docs/deploy.md says of both, for the native executables the images hold.
 */
class MemoryFiguresTest {

    private static final long MIB = 1024 * 1024;
    private static final Pattern QUANTITY = Pattern.compile("(\\d+)(Mi|M|Gi|G)");

    @Test
    void composeKubernetesAndTheDocsGiveEachServiceTheSameMemory() {
        String docs = Repository.read("docs/deploy.md");
        Matcher stated = Pattern.compile("Each service requests (\\d+Mi) .*? and is limited to (\\d+Mi)", Pattern.DOTALL)
                .matcher(docs);
        assertTrue(stated.find(), "docs/deploy.md states each service's memory request and limit (\"Resources\")");
        long request = bytes(stated.group(1));
        long limit = bytes(stated.group(2));

        JsonNode compose = new ObjectMapper().valueToTree(
                new Yaml(new SafeConstructor(new LoaderOptions())).load(Repository.read("deploy/compose.yaml")));
        for (Overlay overlay : Overlay.values()) {
            Manifests manifests = Kustomize.render(overlay);
            for (OrderflowService service : OrderflowService.values()) {
                JsonNode resources = manifests.get("Deployment", service.id()).path("spec").path("template").path("spec")
                        .path("containers").path(0).path("resources");
                assertEquals(request, bytes(resources.path("requests").path("memory").asText()),
                        overlay + ": " + service.id() + " requests what docs/deploy.md says");
                assertEquals(limit, bytes(resources.path("limits").path("memory").asText()),
                        overlay + ": " + service.id() + " is limited to what docs/deploy.md says");
            }
        }
        for (OrderflowService service : OrderflowService.values()) {
            assertEquals(limit, bytes(compose.path("services").path(service.id()).path("deploy").path("resources")
                    .path("limits").path("memory").asText()), "compose.yaml limits " + service.id() + " as Kubernetes does");
        }
    }

    /** A memory quantity as Kubernetes (Mi, Gi) or Compose (M, G: also powers of 1024) write it. */
    private static long bytes(String quantity) {
        Matcher matcher = QUANTITY.matcher(quantity);
        assertTrue(matcher.matches(), "a memory quantity: '" + quantity + "'");
        long amount = Long.parseLong(matcher.group(1));
        return matcher.group(2).startsWith("G") ? amount * 1024 * MIB : amount * MIB;
    }
}
