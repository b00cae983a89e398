package dev.orderflow.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The RabbitMQ settings the tools connect with, the services' RABBITMQ_* variables: RABBITMQ_HOST (localhost),
 * RABBITMQ_PORT (5672), RABBITMQ_VIRTUAL_HOST (orderflow), RABBITMQ_USERNAME and RABBITMQ_PASSWORD. Without
 * RABBITMQ_USERNAME in the environment, the local run's operator account: {@code rabbitmq/operator.env} of its run
 * directory ({@code ORDERFLOW_RUN_DIR}, else {@code run/} of the working directory), which
 * {@code deploy/local/rabbitmq-accounts.sh} makes with every permission in the run's virtual host and none elsewhere.
 * The tools need more than any service may do: reading and replaying every parking queue, declaring the bench's own
 * queues.
 */
public final class BrokerSettings {

    private BrokerSettings() {
    }

    /** {@code environment}, completed with the local run's operator account where it names no user. */
    public static Map<String, String> of(Map<String, String> environment) {
        Map<String, String> settings = new HashMap<>(Map.of("RABBITMQ_HOST", "localhost", "RABBITMQ_PORT", "5672",
                "RABBITMQ_VIRTUAL_HOST", "orderflow"));
        if (!environment.containsKey("RABBITMQ_USERNAME")) {
            settings.putAll(operatorOfTheLocalRun(environment));
        }
        settings.putAll(environment);
        return settings;
    }

    private static Map<String, String> operatorOfTheLocalRun(Map<String, String> environment) {
        Path file = Path.of(environment.getOrDefault("ORDERFLOW_RUN_DIR", "run"), "rabbitmq", "operator.env");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no RabbitMQ account: set RABBITMQ_USERNAME and RABBITMQ_PASSWORD, or start the"
                    + " local run (deploy/local/start.sh), whose operator account is in " + file.toAbsolutePath());
        }
        Map<String, String> account = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                int equals = line.indexOf('=');
                if (equals > 0 && line.startsWith("RABBITMQ_")) {
                    account.put(line.substring(0, equals), line.substring(equals + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return account;
    }
}
