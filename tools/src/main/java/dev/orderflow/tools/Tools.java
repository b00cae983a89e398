package dev.orderflow.tools;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Operator tools for a running system:
 *
 * <pre>
 * java -jar orderflow-tools-runner.jar check [--order URL] [--inventory URL] [--payment URL] [--shipping URL]
 *                                            [--notification URL] [--settle SECONDS]
 * java -jar orderflow-tools-runner.jar parked list QUEUE
 * java -jar orderflow-tools-runner.jar parked replay QUEUE [MESSAGE_ID]
 * </pre>
 *
 * {@code check} waits until the orders have settled (at most {@code --settle} seconds, 60 by default), then checks
 * the invariants ({@link InvariantCheck}); it exits with 1 when one is broken. {@code parked} lists the messages
 * parked in {@code QUEUE.dlq}, or puts them (all, or the one with that message id) back on {@code QUEUE}
 * ({@link ParkedMessages}); it connects with the RABBITMQ_* environment variables the services use.
 */
public final class Tools {

    static final String USAGE = """
            usage: check [--order URL] [--inventory URL] [--payment URL] [--shipping URL] [--notification URL] [--settle SECONDS]
                   parked list QUEUE
                   parked replay QUEUE [MESSAGE_ID]""";

    private Tools() {
    }

    public static void main(String[] args) throws Exception {
        int status;
        if (args.length >= 3 && args[0].equals("parked")) {
            status = parked(args);
        } else if (args.length >= 1 && args[0].equals("check")) {
            status = check(args);
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
