package dev.orderflow.tools.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import dev.orderflow.tools.Endpoints;
import dev.orderflow.tools.auth.Tokens;

/**
 * The benchmark: the broker's ceiling (PerfTest), then the system under a constant arrival rate (or rising rates, in
 * step mode, until p99 placed→terminal passes a bound or errors appear), with the services' memory and CPU and the
 * broker messages one order costs. Prints a report in Markdown.
 */
public final class Bench {

    static final List<String> COMPONENTS = List.of("order", "inventory", "payment", "shipping", "notification",
            "embedded-store");

    /**
     * What to run. {@code stepIncrement} 0 means one run at {@code rate}. {@code tokens} mints the operator's token
     * (the products) and each customer's (its orders).
     */
    public record Settings(Endpoints endpoints, int rate, int stepIncrement, int maxRate, Duration duration,
            double maxP99Millis,
            Duration warmUp, int products, Duration perfTest, Path runDir, String storeUri, Tokens tokens) {
    }

    private Bench() {
    }

    public static String run(Settings settings, Map<String, String> environment) throws Exception {
        StringBuilder report = new StringBuilder();
        if (!settings.perfTest().isZero()) {
            BrokerCeiling.Measure one = BrokerCeiling.measure(environment, 1, 600, settings.perfTest());
            BrokerCeiling.Measure four = BrokerCeiling.measure(environment, 4, 600, settings.perfTest());
            report.append(
                    "Broker ceiling (PerfTest: quorum queue, persistent 600-byte messages, publisher confirms, manual acks):\n")
                    .append(String.format("- 1 producer, 1 consumer: %d msg/s sent, %d msg/s received%n", one.sentPerSecond(),
                            one.receivedPerSecond()))
                    .append(String.format("- 4 producers, 4 consumers: %d msg/s sent, %d msg/s received%n%n",
                            four.sentPerSecond(),
                            four.receivedPerSecond()));
            report.append(run(settings, environment, Math.max(one.receivedPerSecond(), four.receivedPerSecond())));
        } else {
            report.append(run(settings, environment, 0));
        }
        return report.toString();
    }

    private static String run(Settings settings, Map<String, String> environment, long brokerCeiling) throws Exception {
        StringBuilder report = new StringBuilder();
        try (LoadGenerator load = LoadGenerator.prepare(settings.endpoints().order(), settings.endpoints().inventory(),
                settings.products(), settings.tokens(), environment)) {
            if (!settings.warmUp().isZero()) {
                load.run(Math.max(10, settings.rate() / 4), settings.warmUp(), Duration.ofSeconds(30));
            }
            if (settings.stepIncrement() > 0) {
                report.append(steps(load, settings));
                return report.toString();
            }
            OptionalLong messagesBefore = BrokerCeiling.messagesReceived();
            Optional<Map<String, StoreStats.Figures>> storeBefore = StoreStats.read(settings.storeUri());
            LoadResult result;
            Map<String, ProcessSampler.Usage> usage;
            try (ProcessSampler sampler = ProcessSampler.start(settings.runDir(), COMPONENTS)) {
                result = load.run(settings.rate(), settings.duration(), Duration.ofSeconds(30));
                usage = sampler.usage();
            }
            OptionalLong messagesAfter = BrokerCeiling.messagesReceived();
            Optional<Map<String, StoreStats.Figures>> storeAfter = StoreStats.read(settings.storeUri());
            report.append(result.describe()).append("\n\n");
            long completed = result.outcomes().values().stream().mapToLong(Long::longValue).sum();
            if (messagesBefore.isPresent() && messagesAfter.isPresent() && completed > 0) {
                double perOrder = (double) (messagesAfter.getAsLong() - messagesBefore.getAsLong()) / completed;
                report.append(String.format("Broker messages per order: %.1f (published, measured)%n", perOrder));
                if (brokerCeiling > 0) {
                    report.append(String.format(
                            "Share of the broker's ceiling used: %.0f%% (%.1f orders/s × %.1f messages ÷ %d msg/s)%n",
                            100 * result.completedPerSecond() * perOrder / brokerCeiling, result.completedPerSecond(), perOrder,
                            brokerCeiling));
                }
            }
            report.append(usageTable(usage, completed));
            if (storeBefore.isPresent() && storeAfter.isPresent() && completed > 0) {
                report.append(storeTable(storeBefore.get(), storeAfter.get(), completed));
            }
        }
        return report.toString();
    }

    /**
     * Memory, and CPU over the measured run (the load and the wait for its last orders to end) per component, also
     * per order completed in it.
     */
    static String usageTable(Map<String, ProcessSampler.Usage> usage, long completed) {
        StringBuilder table = new StringBuilder(
                "\n| component | RSS idle | RSS peak under load | CPU under load (100% = one core)"
                        + " | CPU per order |\n|---|---|---|---|---|\n");
        double total = 0;
        for (Map.Entry<String, ProcessSampler.Usage> entry : usage.entrySet()) {
            ProcessSampler.Usage use = entry.getValue();
            double perOrder = completed == 0 ? 0 : 1000 * use.cpuSeconds() / completed;
            total += perOrder;
            table.append(String.format("| %s | %d MB | %d MB | %.0f%% | %.2f ms |%n", entry.getKey(), use.idleRssKb() / 1024,
                    use.peakRssKb() / 1024, use.cpuPercent(), perOrder));
        }
        return table.append(String.format("| all | | | | %.2f ms |%n", total)).toString();
    }

    /** Store operations and bytes stored per order completed, per service database, from the store's counters. */
    static String storeTable(Map<String, StoreStats.Figures> before, Map<String, StoreStats.Figures> after, long completed) {
        StringBuilder table = new StringBuilder(
                "\n| database | store reads per order | store writes per order | bytes stored per order |\n|---|---|---|---|\n");
        StoreStats.Figures sum = StoreStats.Figures.NONE;
        for (Map.Entry<String, StoreStats.Figures> entry : after.entrySet()) {
            StoreStats.Figures delta = entry.getValue().minus(before.getOrDefault(entry.getKey(), StoreStats.Figures.NONE));
            sum = sum.plus(delta);
            table.append(row(entry.getKey(), delta, completed));
        }
        return table.append(row("all", sum, completed)).toString();
    }

    private static String row(String name, StoreStats.Figures delta, long completed) {
        return String.format("| %s | %.1f | %.1f | %.0f B |%n", name, (double) delta.reads() / completed,
                (double) delta.writes() / completed, (double) delta.dataBytes() / completed);
    }

    private static String steps(LoadGenerator load, Settings settings) {
        StringBuilder report = new StringBuilder(
                "| offered/s | accepted/s | completed/s | accept p99 | placed→terminal p50 | p99 | max | errors | unfinished |\n"
                        + "|---|---|---|---|---|---|---|---|---|\n");
        int best = 0;
        for (int rate = settings.rate(); rate <= settings.maxRate(); rate += settings.stepIncrement()) {
            LoadResult result = load.run(rate, settings.duration(), Duration.ofSeconds(30));
            report.append(String.format("| %d | %.0f | %.0f | %s | %s | %s | %s | %d | %.1f%% |%n", rate,
                    result.acceptedPerSecond(),
                    result.completedPerSecond(), LoadResult.ms(result.accept(), 99), LoadResult.ms(result.endToEnd(), 50),
                    LoadResult.ms(result.endToEnd(), 99), LoadResult.max(result.endToEnd()), result.errorCount(),
                    result.unfinishedShare() * 100));
            System.err.println(result.describe());
            if (!result.sustainable(settings.maxP99Millis())) {
                break;
            }
            best = rate;
        }
        return report.append(String.format(
                "%nHighest sustainable rate (p99 placed→terminal ≤ %.0f ms, no error, nothing unfinished): %d orders/s%n",
                settings.maxP99Millis(), best)).toString();
    }

}
