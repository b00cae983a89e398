package dev.orderflow.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import dev.orderflow.tools.Endpoints;
import dev.orderflow.tools.auth.Tokens;

/**
 * The whole system, started once for the test run with the command users run ({@code deploy/local/start.sh}): the
 * embedded store (in memory here) and the five services as packaged apps, on RabbitMQ, in a virtual host of their own
 * made fresh for the run. Stopped with {@code deploy/local/stop.sh} when the run ends. start.sh makes the run's token
 * signing key pair in {@code keys/} of the run directory and hands the services its public key and issuer; the tests
 * mint their tokens with its private key ({@link #tokens()}).
 */
public final class LocalSystem implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {

    static final String VIRTUAL_HOST = "orderflow-e2e";
    /** The embedded store's port in this run (not the local run's 27017, so that both can run at once). */
    static final int STORE_PORT = 27117;
    static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(5);

    static final Path ROOT = Path.of(System.getProperty("orderflow.root", "..")).toAbsolutePath().normalize();
    static final Path RUN_DIR = Path.of(System.getProperty("orderflow.run-dir", "target/e2e-run")).toAbsolutePath();

    private static String virtualHost = VIRTUAL_HOST;
    private static volatile Tokens tokens;

    public static Endpoints endpoints() {
        return Endpoints.local();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(LocalSystem.class, key -> {
            virtualHost = freshVirtualHost();
            run("deploy/local/start.sh");
            return this;
        });
    }

    @Override
    public void close() {
        run("deploy/local/stop.sh");
    }

    /** Mints tokens as the run's issuer, with the private key start.sh made. */
    public static Tokens tokens() {
        if (tokens == null) {
            tokens = Tokens.ofLocalRun(RUN_DIR);
        }
        return tokens;
    }

    /** The virtual host the system runs in. */
    public static String virtualHost() {
        return virtualHost;
    }

    /** Kills a service the hard way (kill -9), as a crash would. */
    public static void crash(String service) {
        try {
            long pid = Long.parseLong(Files.readString(RUN_DIR.resolve("pids").resolve(service + ".pid")).trim());
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
            ProcessHandle.of(pid).ifPresent(process -> process.onExit().join());
        } catch (IOException e) {
            throw new IllegalStateException("no pid for " + service, e);
        }
    }

    /** Starts a service again, and waits until it is ready. */
    public static void restart(String service) {
        run("deploy/local/start.sh", service);
    }

    /** Stops the broker's application (connections drop, durable queues stay) and starts it again after a while. */
    public static void stopBroker() {
        command(List.of("rabbitmqctl", "-q", "stop_app"));
    }

    public static void startBroker() {
        command(List.of("rabbitmqctl", "-q", "start_app"));
        command(List.of("rabbitmqctl", "-q", "await_startup"));
    }

    /**
     * A virtual host made fresh for the run, so no queue of an earlier run interferes: this deletes it, and start.sh
     * makes it again with the run's broker accounts (deploy/local/rabbitmq-accounts.sh).
     */
    private static String freshVirtualHost() {
        command(List.of("rabbitmqctl", "-q", "delete_vhost", VIRTUAL_HOST), true);
        return VIRTUAL_HOST;
    }

    /**
     * The run's operator account on the broker (every permission in its virtual host), as the RABBITMQ_* settings the
     * tools take: for what the drills do behind the services' back.
     */
    public static Map<String, String> operator() {
        Map<String, String> settings = new HashMap<>();
        try {
            for (String line : Files.readAllLines(RUN_DIR.resolve("rabbitmq").resolve("operator.env"))) {
                int equals = line.indexOf('=');
                if (equals > 0) {
                    settings.put(line.substring(0, equals), line.substring(equals + 1));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("no operator account in " + RUN_DIR.resolve("rabbitmq"), e);
        }
        return settings;
    }

    /** Runs a script of deploy/local, its output going to {@code scripts.log} of the run directory. */
    private static void run(String... script) {
        try {
            Files.createDirectories(RUN_DIR);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + RUN_DIR, e);
        }
        ProcessBuilder builder = new ProcessBuilder(script).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(RUN_DIR.resolve("scripts.log").toFile()));
        Map<String, String> env = builder.environment();
        env.put("ORDERFLOW_RUN_DIR", RUN_DIR.toString());
        env.put("ORDERFLOW_STORE", "memory");
        env.put("ORDERFLOW_STORE_PORT", Integer.toString(STORE_PORT));
        env.put("RABBITMQ_VIRTUAL_HOST", virtualHost);
        execute(builder, String.join(" ", script), false);
    }

    /**
     * The run's queues as the broker has them now: messages ready, unacknowledged, and consumers, one queue a line; for
     * a drill's failure message.
     */
    public static String queues() {
        List<String> command = List.of("rabbitmqctl", "-q", "list_queues", "-p", virtualHost, "name", "messages_ready",
                "messages_unacknowledged", "consumers");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            return output.strip();
        } catch (IOException e) {
            return "(queues not listed: " + e + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(queues not listed: interrupted)";
        }
    }

    private static void command(List<String> command) {
        command(command, false);
    }

    private static void command(List<String> command, boolean mayFail) {
        execute(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD),
                String.join(" ", command), mayFail);
    }

    private static void execute(ProcessBuilder builder, String what, boolean mayFail) {
        try {
            Process process = builder.start();
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(what + " did not finish in " + COMMAND_TIMEOUT);
            }
            if (process.exitValue() != 0 && !mayFail) {
                throw new IllegalStateException(what + " failed with exit code " + process.exitValue());
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + what, e);
        }
    }
}
