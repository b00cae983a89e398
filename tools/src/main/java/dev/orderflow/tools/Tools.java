package dev.orderflow.tools;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import dev.orderflow.tools.load.Bench;

/**
 * Operator tools for a running system:
 *
 * <pre>
 * java -jar orderflow-tools-runner.jar check [--order URL] [--inventory URL] [--payment URL] [--shipping URL]
 *                                            [--notification URL] [--settle SECONDS]
 * java -jar orderflow-tools-runner.jar parked list QUEUE
 * java -jar orderflow-tools-runner.jar parked replay QUEUE [MESSAGE_ID]
 * java -jar orderflow-tools-runner.jar bench [--rate N] [--duration SECONDS] [--step N --max-rate N] [--max-p99 MS]
 *                                            [--warm-up SECONDS] [--products N] [--perftest SECONDS] [--run-dir DIR]
 *                                            [--order URL] [--inventory URL] [--report FILE]
 * </pre>
 *
 * {@code check} waits until the orders have settled (at most {@code --settle} seconds, 60 by default), then checks
 * the invariants ({@link InvariantCheck}); it exits with 1 when one is broken. {@code parked} lists the messages
 * parked in {@code QUEUE.dlq}, or puts them (all, or the one with that message id) back on {@code QUEUE}
 * ({@link ParkedMessages}); it connects with the RABBITMQ_* environment variables the services use. {@code bench}
 * measures the broker's ceiling, then drives the order API at a constant arrival rate and follows each order to its
 * end ({@link Bench}); it prints a report in Markdown (and writes it to {@code --report} when given).
 */
public final class Tools {

    static final String USAGE = """
            usage: check [--order URL] [--inventory URL] [--payment URL] [--shipping URL] [--notification URL] [--settle SECONDS]
                   parked list QUEUE
                   parked replay QUEUE [MESSAGE_ID]
                   bench [--rate N] [--duration SECONDS] [--step N --max-rate N] [--max-p99 MS] [--warm-up SECONDS]
                         [--products N] [--perftest SECONDS] [--run-dir DIR] [--order URL] [--inventory URL] [--report FILE]""";

    private Tools() {
    }

    public static void main(String[] args) throws Exception {
        int status;
        if (args.length >= 3 && args[0].equals("parked")) {
            status = parked(args);
        } else if (args.length >= 1 && args[0].equals("check")) {
            status = check(args);
        } else if (args.length >= 1 && args[0].equals("bench")) {
            status = bench(args);
        } else {
            System.err.println(USAGE);
            status = 2;
        }
        System.exit(status);
    }

    private static int check(String[] args) {
        Endpoints local = Endpoints.local();
        URI order = local.order();
        URI inventory = local.inventory();
        URI payment = local.payment();
        URI shipping = local.shipping();
        URI notification = local.notification();
        Duration settle = Duration.ofSeconds(60);
        for (int i = 1; i + 1 < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--order" -> order = URI.create(value);
                case "--inventory" -> inventory = URI.create(value);
                case "--payment" -> payment = URI.create(value);
                case "--shipping" -> shipping = URI.create(value);
                case "--notification" -> notification = URI.create(value);
                case "--settle" -> settle = Duration.ofSeconds(Long.parseLong(value));
                default -> {
                    System.err.println("unknown option " + args[i] + "\n" + USAGE);
                    return 2;
                }
            }
        }
        InvariantCheck.Report report = InvariantCheck.run(new Endpoints(order, inventory, payment, shipping, notification),
                settle);
        System.out.print(report.describe());
        return report.holds() ? 0 : 1;
    }

    private static int bench(String[] args) throws Exception {
        Endpoints local = Endpoints.local();
        URI order = local.order();
        URI inventory = local.inventory();
        int rate = 100;
        int step = 0;
        int maxRate = 2000;
        Duration duration = Duration.ofSeconds(30);
        double maxP99 = 100;
        Duration warmUp = Duration.ofSeconds(20);
        int products = 50;
        Duration perfTest = Duration.ofSeconds(20);
        Path runDir = Path.of(System.getenv().getOrDefault("ORDERFLOW_RUN_DIR", "run"));
        Optional<Path> reportFile = Optional.empty();
        for (int i = 1; i + 1 < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--rate" -> rate = Integer.parseInt(value);
                case "--step" -> step = Integer.parseInt(value);
                case "--max-rate" -> maxRate = Integer.parseInt(value);
                case "--duration" -> duration = Duration.ofSeconds(Long.parseLong(value));
                case "--max-p99" -> maxP99 = Double.parseDouble(value);
                case "--warm-up" -> warmUp = Duration.ofSeconds(Long.parseLong(value));
                case "--products" -> products = Integer.parseInt(value);
                case "--perftest" -> perfTest = Duration.ofSeconds(Long.parseLong(value));
                case "--run-dir" -> runDir = Path.of(value);
                case "--order" -> order = URI.create(value);
                case "--inventory" -> inventory = URI.create(value);
                case "--report" -> reportFile = Optional.of(Path.of(value));
                default -> {
                    System.err.println("unknown option " + args[i] + "\n" + USAGE);
                    return 2;
                }
            }
        }
        if (rate <= 0 || step < 0 || products <= 0 || duration.isZero()) {
            System.err.println("--rate, --products and --duration must be positive, --step at least 0\n" + USAGE);
            return 2;
        }
        Bench.Settings settings = new Bench.Settings(new Endpoints(order, inventory, local.payment(), local.shipping(),
                local.notification()), rate, step, maxRate, duration, maxP99, warmUp, products, perfTest, runDir);
        String report = Bench.run(settings, System.getenv());
        System.out.print(report);
        if (reportFile.isPresent()) {
            Files.writeString(reportFile.get(), report);
        }
        return 0;
    }

    private static int parked(String[] args) throws Exception {
        String queue = args[2];
        try (ParkedMessages parked = ParkedMessages.connect(System.getenv())) {
            switch (args[1]) {
                case "list" -> {
                    List<ParkedMessages.Parked> messages = parked.list(queue);
                    messages.forEach(message -> System.out.println(message.messageId() + "  " + message.type() + "  order "
                            + message.correlationId() + "  " + message.reason() + " after " + message.deliveries()
                            + " deliveries\n    " + message.body()));
                    System.out.println(messages.size() + " parked in " + queue + ".dlq");
                    return 0;
                }
                case "replay" -> {
                    Optional<String> id = args.length > 3 ? Optional.of(args[3]) : Optional.empty();
                    int replayed = parked.replay(queue,
                            message -> id.map(wanted -> wanted.equals(message.messageId())).orElse(true));
                    System.out.println(replayed + " put back on " + queue);
                    return 0;
                }
                default -> {
                    System.err.println(USAGE);
                    return 2;
                }
            }
        }
    }
}
