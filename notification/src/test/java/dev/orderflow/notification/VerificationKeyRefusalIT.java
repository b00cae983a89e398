package dev.orderflow.notification;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.orderflow.common.testing.ShortFaultTolerance;

/**
 * The built service (the jar, or the native executable with {@code -Pnative}, as {@code quarkus-artifact.properties}
 * names it) started as production starts it, with no issuer key configured: it refuses to start, and says what is
 * missing (common's {@code VerificationKeyCheck}, which every service has). A {@code @QuarkusIntegrationTest} cannot
 * show this: it fails before its first assertion when the application does not start, so this test launches the
 * process itself.
 */
class VerificationKeyRefusalIT {

    @Test
    void productionRefusesToStartWithoutTheIssuersKey() throws Exception {
        ProcessBuilder launch = new ProcessBuilder(command()).redirectErrorStream(true);
        launch.environment().keySet().removeIf(name -> name.startsWith("MP_JWT") || name.startsWith("SMALLRYE_JWT"));
        Process service = launch.start();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> read(service.getInputStream(), output));
        reader.start();
        boolean ended;
        try {
            ended = service.waitFor(60, TimeUnit.SECONDS);
        } finally {
            service.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            reader.join(5_000);
        }
        String said;
        synchronized (output) {
            said = output.toString();
        }

        assertTrue(ended, "the service did not stop within 60 s:\n" + said);
        assertNotEquals(0, service.exitValue(), said);
        assertThat(said, containsString("Cannot verify bearer tokens without the issuer's public key"));
        assertThat(said, containsString("mp.jwt.verify.issuer"));
    }

    /** The built application, told to listen on any port and to find no store, so that only the key is missing. */
    private static List<String> command() throws IOException {
        Properties artifact = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("target", "quarkus-artifact.properties"))) {
            artifact.load(in);
        }
        Path built = Path.of("target").resolve(artifact.getProperty("path"));
        List<String> command = new ArrayList<>();
        List<String> settings = List.of("-Dquarkus.http.port=0", "-Dquarkus.mongodb.connection-string=mongodb://127.0.0.1:"
                + ShortFaultTolerance.closedPort() + "/?serverSelectionTimeoutMS=200&connectTimeoutMS=200");
        if ("native".equals(artifact.getProperty("type"))) {
            command.add(built.toString());
            command.addAll(settings);
        } else {
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(settings);
            command.addAll(List.of("-jar", built.toString()));
        }
        return command;
    }

    private static void read(InputStream in, StringBuilder output) {
        try (in) {
            byte[] chunk = new byte[8192];
            for (int n; (n = in.read(chunk)) > 0;) {
                synchronized (output) {
                    output.append(new String(chunk, 0, n, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }
}
