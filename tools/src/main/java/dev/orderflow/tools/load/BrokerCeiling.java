package dev.orderflow.tools.load;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.perf.PerfTest;

import dev.orderflow.tools.BrokerSettings;
import dev.orderflow.tools.ParkedMessages;

/**
 * The broker's own ceiling on this machine, measured by RabbitMQ PerfTest as the services use the broker: persistent
 * messages on a quorum queue, publisher confirms, one acknowledgement per message.
 */
final class BrokerCeiling {

    static final String QUEUE = "orderflow-perftest";
    private static final Pattern SENT = Pattern.compile("sending rate avg: (\\d+) msg/s");
    private static final Pattern RECEIVED = Pattern.compile("receiving rate avg: (\\d+) msg/s");

    private BrokerCeiling() {
    }

    /**
     * Messages a second published and consumed, with confirms and acks, by {@code producers} producers and as many consumers.
     */
    record Measure(long sentPerSecond, long receivedPerSecond, int producers, int messageBytes, Duration time) {
    }

    static Measure measure(Map<String, String> environment, int producers, int messageBytes, Duration time) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        try (PrintStream console = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            // PerfTest also prints some lines straight to System.out and System.err: they go in its report too
            System.setOut(console);
            System.setErr(console);
            PerfTest.main(
                    new String[] { "--uri", uri(environment), "--queue", QUEUE, "--quorum-queue", "--auto-delete", "false",
                            "--flag", "persistent", "--confirm", "200", "--producers", String.valueOf(producers), "--consumers",
                            String.valueOf(producers), "--size", String.valueOf(messageBytes), "--time",
                            String.valueOf(time.toSeconds()) },
                    new PerfTest.PerfTestOptions().setSystemExiter(status -> {
                    }).setConsoleOut(console).setConsoleErr(console));
        } finally {
            System.setOut(out);
            System.setErr(err);
            deleteQueue(environment);
        }
        String text = output.toString(StandardCharsets.UTF_8);
        return new Measure(rate(SENT, text), rate(RECEIVED, text), producers, messageBytes, time);
    }

    private static long rate(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("PerfTest did not report (" + pattern.pattern() + "):\n" + text);
        }
        return Long.parseLong(matcher.group(1));
    }

    private static String uri(Map<String, String> environment) {
        Map<String, String> settings = BrokerSettings.of(environment);
        return "amqp://" + URLEncoder.encode(settings.get("RABBITMQ_USERNAME"), StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(settings.get("RABBITMQ_PASSWORD"), StandardCharsets.UTF_8)
                + "@" + settings.get("RABBITMQ_HOST") + ":" + settings.get("RABBITMQ_PORT")
                + "/" + URLEncoder.encode(settings.get("RABBITMQ_VIRTUAL_HOST"), StandardCharsets.UTF_8);
    }

    private static void deleteQueue(Map<String, String> environment) {
        try (Connection connection = ParkedMessages.factory(environment).newConnection("orderflow-bench");
                Channel channel = connection.createChannel()) {
            channel.queueDelete(QUEUE);
        } catch (Exception e) {
            System.err.println("could not delete " + QUEUE + ": " + e.getMessage());
        }
    }

    /** Messages the broker received since it started (its global counter), when rabbitmqctl may be asked. */
    static OptionalLong messagesReceived() {
        try {
            Process rabbitmqctl = new ProcessBuilder("rabbitmqctl", "-q", "eval",
                    "maps:get(messages_received_total, maps:get([{protocol,amqp091}], rabbit_global_counters:overview())).")
                    .redirectErrorStream(true).start();
            if (!rabbitmqctl.waitFor(30, TimeUnit.SECONDS) || rabbitmqctl.exitValue() != 0) {
                return OptionalLong.empty();
            }
            String answer = new String(rabbitmqctl.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return OptionalLong.of(Long.parseLong(answer));
        } catch (Exception e) {
            return OptionalLong.empty();
        }
    }
}
