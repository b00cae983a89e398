package dev.orderflow.common.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The broker accounts the tests log in with, never guest, in a virtual host of their own ({@value #VIRTUAL_HOST}), so
 * that a test run and a local run (virtual host {@code orderflow}) never share a queue. The virtual host is made fresh
 * when a test JVM starts (this class is the JUnit launcher session listener of every module whose tests use common's
 * test jar): no queue, binding or message of an earlier run is left. In it:
 * <ul>
 * <li>one user per service, {@code orderflow-test-<service>}, with exactly the permissions production gives that
 * service ({@code deploy/rabbitmq/permissions}), so that a service's tests passing as its user prove the permissions
 * suffice;</li>
 * <li>an operator, {@code orderflow-test-operator}, with every permission in this virtual host only, for what tests do
 * behind the services' back ({@link TestBroker}) and for tests of code that is not a service.</li>
 * </ul>
 * The users and their permissions are made in one {@code rabbitmqctl import_definitions} (as root, or through
 * {@code sudo -n}). Their passwords are known (the user's name): the accounts can reach nothing but the test virtual
 * host.
 */
public final class TestAccounts implements LauncherSessionListener {

    public static final String VIRTUAL_HOST = "orderflow-test";
    static final String PREFIX = "orderflow-test-";
    static final String PERMISSIONS_FILE = "deploy/rabbitmq/permissions";

    /** A user and its password. */
    public record Account(String username, String password) {
    }

    /** What a service's user may do: the regular expressions of {@code rabbitmqctl set_permissions}. */
    public record Permissions(String configure, String write, String read) {
    }

    /** The test user of a service (order, inventory, payment, shipping, notification). */
    public static Account service(String service) {
        return new Account(PREFIX + service, PREFIX + service);
    }

    public static Account operator() {
        return service("operator");
    }

    /** The services' permissions, by service, as {@code deploy/rabbitmq/permissions} gives them. */
    public static Map<String, Permissions> permissions() {
        Map<String, Permissions> permissions = new LinkedHashMap<>();
        for (String line : lines(repositoryFile(PERMISSIONS_FILE))) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] fields = trimmed.split("\\s+");
            if (fields.length != 4) {
                throw new IllegalStateException(PERMISSIONS_FILE + ": not 'service configure write read': " + line);
            }
            permissions.put(fields[0], new Permissions(fields[1], fields[2], fields[3]));
        }
        return permissions;
    }

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        freshVirtualHost();
    }

    /** Deletes the test virtual host if it exists, then makes it again with its users and their permissions. */
    static synchronized void freshVirtualHost() {
        rabbitmqctl(List.of("delete_vhost", VIRTUAL_HOST), null, true);
        // on standard input: rabbitmqctl reads a file as the broker's user, which cannot read the test's files
        rabbitmqctl(List.of("import_definitions", "--format", "json"), definitions(), false);
    }

    /** The virtual host, the users and their permissions, as RabbitMQ's definitions (JSON). */
    static String definitions() {
        Map<String, Permissions> grants = new LinkedHashMap<>(permissions());
        grants.put("operator", new Permissions(".*", ".*", ".*"));
        List<String> users = new ArrayList<>();
        List<String> permissions = new ArrayList<>();
        grants.forEach((service, granted) -> {
            Account account = service(service);
            users.add(
                    "{\"name\":%s,\"password\":%s,\"tags\":[]}".formatted(json(account.username()), json(account.password())));
            permissions.add("{\"user\":%s,\"vhost\":%s,\"configure\":%s,\"write\":%s,\"read\":%s}".formatted(
                    json(account.username()), json(VIRTUAL_HOST), json(granted.configure()), json(granted.write()),
                    json(granted.read())));
        });
        return "{\"vhosts\":[{\"name\":%s}],\"users\":[%s],\"permissions\":[%s]}".formatted(json(VIRTUAL_HOST),
                String.join(",", users), String.join(",", permissions));
    }

    private static String json(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** Runs rabbitmqctl (quiet) with {@code input} on its standard input; answers what it printed. */
    static String rabbitmqctl(List<String> arguments, String input, boolean mayFail) {
        List<String> command = new ArrayList<>();
        if (!"root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("sudo", "-n"));
        }
        command.addAll(List.of("rabbitmqctl", "-q"));
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (var stdin = process.getOutputStream()) {
                if (input != null) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within 60 s");
            }
            if (process.exitValue() != 0 && !mayFail) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + process.exitValue() + "): "
                        + output.strip() + ". The tests make their broker accounts with rabbitmqctl, as root or through"
                        + " passwordless sudo.");
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + String.join(" ", command), e);
        }
    }

    /** A file of the repository, found from the working directory (a module's) upwards. */
    static Path repositoryFile(String relative) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path file = dir.resolve(relative);
            if (Files.isRegularFile(file)) {
                return file;
            }
        }
        throw new IllegalStateException("no " + relative + " in " + Path.of("").toAbsolutePath() + " or above");
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
