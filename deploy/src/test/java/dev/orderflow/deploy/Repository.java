package dev.orderflow.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository the tests check, found from {@code orderflow.root} (set by the build) or the working directory. */
final class Repository {

    static final Path ROOT = locate();

    private Repository() {
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String read(String relative) {
        try {
            return Files.readString(path(relative));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + relative + " in " + ROOT, e);
        }
    }

    private static Path locate() {
        String configured = System.getProperty("orderflow.root");
        Path start = (configured == null || configured.isBlank() ? Path.of("") : Path.of(configured)).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy/k8s/overlays"))) {
                return dir.normalize();
            }
        }
        throw new IllegalStateException("no deploy/k8s/overlays in " + start + " or any directory above it: run the tests"
                + " inside the repository, or set -Dorderflow.root to its root");
    }
}
