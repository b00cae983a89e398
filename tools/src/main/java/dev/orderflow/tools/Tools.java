package dev.orderflow.tools;

import java.net.URI;
import java.time.Duration;

/**
 * Operator tools for a running system:
 *
 * <pre>
 * java -jar orderflow-tools-runner.jar check [--order URL] [--inventory URL] [--payment URL] [--shipping URL]
 *                                            [--notification URL] [--settle SECONDS]
 * </pre>
 *
 * {@code check} waits until the orders have settled (at most {@code --settle} seconds, 60 by default), then checks
 * the invariants ({@link InvariantCheck}); it exits with 1 when one is broken.
 */
public final class Tools {

    private Tools() {
    }

    public static void main(String[] args) {
        if (args.length == 0 || !args[0].equals("check")) {
            System.err.println(
                    "usage: check [--order URL] [--inventory URL] [--payment URL] [--shipping URL] [--notification URL]"
                            + " [--settle SECONDS]");
            System.exit(2);
        }
        Endpoints local = Endpoints.local();
        URI order = local.order(), inventory = local.inventory(), payment = local.payment(), shipping = local.shipping(),
                notification = local.notification();
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
                    System.err.println("unknown option " + args[i]);
                    System.exit(2);
                }
            }
        }
        InvariantCheck.Report report = InvariantCheck.run(new Endpoints(order, inventory, payment, shipping, notification),
                settle);
        System.out.print(report.describe());
        System.exit(report.holds() ? 0 : 1);
    }
}
