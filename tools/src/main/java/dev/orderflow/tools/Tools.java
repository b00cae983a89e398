package dev.orderflow.tools;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.orderflow.tools.auth.SigningKeys;
import dev.orderflow.tools.auth.Tokens;
import dev.orderflow.tools.load.Bench;
import dev.orderflow.tools.load.History;

/**
 * Operator tools for a running system:
 *
 * <pre>
 * java -jar orderflow-tools-runner.jar check [--order URL] [--inventory URL] [--payment URL] [--shipping URL]
 *                                            [--notification URL] [--settle SECONDS] [--key FILE | --token JWT]
 * java -jar orderflow-tools-runner.jar parked list QUEUE
 * java -jar orderflow-tools-runner.jar parked replay QUEUE [MESSAGE_ID]
 * java -jar orderflow-tools-runner.jar bench [--rate N] [--duration SECONDS] [--step N --max-rate N] [--max-p99 MS]
 *                                            [--warm-up SECONDS] [--products N] [--perftest SECONDS] [--run-dir DIR]
 *                                            [--order URL] [--inventory URL] [--report FILE] [--store MONGODB_URI]
 *                                            [--key FILE]
 * java -jar orderflow-tools-runner.jar preload --orders N [--store MONGODB_URI]
 * java -jar orderflow-tools-runner.jar token --role customer|operator|carrier [--subject S]... [--ttl TTL]
 *                                            [--key FILE] [--issuer ISSUER]
 * java -jar orderflow-tools-runner.jar keys --dir DIR
 * </pre>
 *
 * {@code check} waits until the orders have settled (at most {@code --settle} seconds, 60 by default), then checks
 * the invariants ({@link InvariantCheck}); it exits with 1 when one is broken. {@code parked} lists the messages
 * parked in {@code QUEUE.dlq}, or puts them (all, or the one with that message id) back on {@code QUEUE}
 * ({@link ParkedMessages}); it connects with the RABBITMQ_* environment variables the services use, by default as the
 * local run's operator ({@link BrokerSettings}), and so does {@code bench}. {@code bench}
 * measures the broker's ceiling, then drives the order API at a constant arrival rate and follows each order to its
 * end ({@link Bench}); it prints a report in Markdown (and writes it to {@code --report} when given).
 * {@code check} reads the APIs as an operator, {@code bench} creates its products as one and places each order for a
 * customer of its own: both mint their tokens with the local run's private key ({@code --key}, by default
 * {@code keys/jwt-private.pem} of {@code ORDERFLOW_RUN_DIR}, else of {@code run/}); {@code check --token} takes an
 * operator token from elsewhere instead (an identity provider's, in production). {@code token} prints one token per
 * {@code --subject}, a line each, in that order ({@link TokenCommand}); {@code keys} makes the signing key pair in a
 * directory unless it is there ({@link SigningKeys}), as the local run does at its first start.
 */
public final class Tools {

    static final String USAGE = """
            usage: check [--order URL] [--inventory URL] [--payment URL] [--shipping URL] [--notification URL] [--settle SECONDS]
                         [--key FILE | --token JWT]
                   parked list QUEUE
                   parked replay QUEUE [MESSAGE_ID]
                   bench [--rate N] [--duration SECONDS] [--step N --max-rate N] [--max-p99 MS] [--warm-up SECONDS]
                         [--products N] [--perftest SECONDS] [--run-dir DIR] [--order URL] [--inventory URL] [--report FILE]
                         [--store MONGODB_URI] [--key FILE]
                   preload --orders N [--store MONGODB_URI]
                   token --role customer|operator|carrier [--subject S]... [--ttl TTL] [--key FILE] [--issuer ISSUER]
                         one token per --subject, a line each (a customer's subject is its customerId; operator and
                         carrier default to the role's name); TTL: 3600, 3600s, 30m, 1h, 7d (1h); FILE: the private key
                         (keys/jwt-private.pem of $ORDERFLOW_RUN_DIR, else of run/); ISSUER: orderflow-local
                   keys --dir DIR
                         makes DIR/jwt-private.pem and DIR/jwt-public.pem unless they are there""";

    private Tools() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args));
    }

    /** Runs a command; the exit status: 0 done, 1 an invariant broken, 2 a command line that is not the usage. */
    static int run(String[] args) throws Exception {
        try {
            if (args.length >= 3 && args[0].equals("parked")) {
                return parked(args);
            } else if (args.length >= 1 && args[0].equals("check")) {
                return check(args);
            } else if (args.length >= 1 && args[0].equals("bench")) {
                return bench(args);
            } else if (args.length >= 1 && args[0].equals("preload")) {
                return preload(args);
            } else if (args.length >= 1 && args[0].equals("token")) {
                return TokenCommand.token(args);
            } else if (args.length >= 1 && args[0].equals("keys")) {
                return TokenCommand.keys(args);
            } else if (args.length >= 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
                System.out.println(USAGE);
                return 0;
            }
            System.err.println(USAGE);
            return 2;
        } catch (Options.HelpRequested help) {
            System.out.println(USAGE);
            return 0;
        } catch (Options.UsageException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            return 2;
        }
    }

    private static int check(String[] args) throws Options.UsageException, Options.HelpRequested {
        Endpoints local = Endpoints.local();
        Options options = Options.parse(args, 1,
                Set.of("--order", "--inventory", "--payment", "--shipping", "--notification", "--settle", "--key", "--token"));
        URI order = options.uri("--order", local.order());
        URI inventory = options.uri("--inventory", local.inventory());
        URI payment = options.uri("--payment", local.payment());
        URI shipping = options.uri("--shipping", local.shipping());
        URI notification = options.uri("--notification", local.notification());
        Duration settle = options.seconds("--settle", Duration.ofSeconds(60));
        if (options.text("--key").isPresent() && options.text("--token").isPresent()) {
            throw new Options.UsageException("--key or --token, not both");
        }
        Optional<String> given = options.text("--token");
        String token = given.isPresent() ? given.get()
                : TokenCommand.signer(options, Tokens.LOCAL_ISSUER).mint(Tokens.Role.OPERATOR, "invariant-check");
        InvariantCheck.Report report = InvariantCheck.run(new Endpoints(order, inventory, payment, shipping, notification),
                token, settle);
        System.out.print(report.describe());
        return report.holds() ? 0 : 1;
    }

    private static int bench(String[] args) throws Exception {
        Endpoints local = Endpoints.local();
        Options options = Options.parse(args, 1, Set.of("--rate", "--step", "--max-rate", "--duration", "--max-p99",
                "--warm-up", "--products", "--perftest", "--run-dir", "--order", "--inventory", "--report", "--store",
                "--key"));
        URI order = options.uri("--order", local.order());
        URI inventory = options.uri("--inventory", local.inventory());
        int rate = options.integer("--rate", 100);
        int step = options.integer("--step", 0);
        int maxRate = options.integer("--max-rate", 2000);
        Duration duration = options.seconds("--duration", Duration.ofSeconds(30));
        double maxP99 = options.decimal("--max-p99", 100);
        Duration warmUp = options.seconds("--warm-up", Duration.ofSeconds(20));
        int products = options.integer("--products", 50);
        Duration perfTest = options.seconds("--perftest", Duration.ofSeconds(20));
        Path runDir = Path.of(options.text("--run-dir")
                .orElse(System.getenv().getOrDefault("ORDERFLOW_RUN_DIR", "run")));
        Optional<Path> reportFile = options.text("--report").map(Path::of);
        String store = options.text("--store")
                .orElse(System.getenv().getOrDefault("MONGODB_URI", "mongodb://127.0.0.1:27017"));
        if (rate <= 0 || step < 0 || products <= 0 || duration.isZero()) {
            System.err.println("--rate, --products and --duration must be positive, --step at least 0\n" + USAGE);
            return 2;
        }
        Tokens tokens = TokenCommand.signer(options, Tokens.LOCAL_ISSUER,
                runDir.resolve("keys").resolve(SigningKeys.PRIVATE_KEY));
        Bench.Settings settings = new Bench.Settings(new Endpoints(order, inventory, local.payment(), local.shipping(),
                local.notification()), rate, step, maxRate, duration, maxP99, warmUp, products, perfTest, runDir, store,
                tokens);
        String report = Bench.run(settings, System.getenv());
        System.out.print(report);
        if (reportFile.isPresent()) {
            Files.writeString(reportFile.get(), report);
        }
        return 0;
    }

    private static int preload(String[] args) throws Options.UsageException, Options.HelpRequested {
        Options options = Options.parse(args, 1, Set.of("--orders", "--store"));
        int orders = options.integer("--orders", 0);
        if (orders <= 0) {
            System.err.println("--orders must be given, and positive\n" + USAGE);
            return 2;
        }
        String store = options.text("--store")
                .orElse(System.getenv().getOrDefault("MONGODB_URI", "mongodb://127.0.0.1:27017"));
        try {
            System.out.println(History.preload(store, orders, System.out).describe());
            return 0;
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            return 1;
        }
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
