package dev.orderflow.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Renders an overlay the way {@code kubectl apply -k} would, with {@code kubectl kustomize}, once per test run. The
 * kubectl to use is {@code -Dkubectl=...} or {@code $KUBECTL}, else the one on the PATH; without one the tests fail,
 * saying so, rather than pass without having looked.
 */
final class Kustomize {

    private static final long TIMEOUT_SECONDS = 120;
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Map<Overlay, Manifests> RENDERED = new ConcurrentHashMap<>();

    private Kustomize() {
    }

    static Manifests render(Overlay overlay) {
        return RENDERED.computeIfAbsent(overlay, Kustomize::run);
    }

    private static Manifests run(Overlay overlay) {
        Path dir = Repository.path("deploy/k8s/overlays/" + overlay.directory());
        List<String> command = List.of(kubectl(), "kustomize", dir.toString());
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command.get(0) + " (" + e.getMessage() + "). These tests render"
                    + " the overlays with kubectl: install it (https://kubernetes.io/docs/tasks/tools/), or name it"
                    + " with -Dkubectl=/path/to/kubectl or KUBECTL=/path/to/kubectl", e);
        }
        CompletableFuture<String> errors = CompletableFuture.supplyAsync(() -> text(process.getErrorStream()));
        String output = text(process.getInputStream());
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " took more than " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + String.join(" ", command), e);
        }
        if (process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed (exit " + process.exitValue() + "):\n"
                    + errors.join());
        }
        return new Manifests("overlay " + overlay.directory(), parse(output));
    }

    private static List<JsonNode> parse(String yaml) {
        try {
            return YAML.readerFor(JsonNode.class).<JsonNode> readValues(yaml).readAll().stream()
                    .filter(Objects::nonNull)
                    .filter(JsonNode::isObject)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("kubectl kustomize wrote what is not YAML", e);
        }
    }

    private static String kubectl() {
        String configured = System.getProperty("kubectl", System.getenv("KUBECTL"));
        return configured == null || configured.isBlank() ? "kubectl" : configured;
    }

    private static String text(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
