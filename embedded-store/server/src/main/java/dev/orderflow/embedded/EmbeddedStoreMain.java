package dev.orderflow.embedded;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the embedded store as a process of its own, for the local run of the whole system:
 *
 * <pre>
 * java -jar embedded-store-runner.jar [--host 127.0.0.1] [--port 27017] [--file data/store.mv | --memory]
 * </pre>
 *
 * Without {@code --file} or {@code --memory} the data is kept in {@code data/orderflow-store.mv}. The process stops
 * cleanly (and flushes the file) on SIGTERM or Ctrl-C.
 */
public final class EmbeddedStoreMain {

    static final String DEFAULT_FILE = "data/orderflow-store.mv";

    private EmbeddedStoreMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        String host = "127.0.0.1";
        int port = 27017;
        Path file = Path.of(DEFAULT_FILE);
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--host" -> host = value(args, ++i);
                case "--port" -> port = Integer.parseInt(value(args, ++i));
                case "--file" -> file = Path.of(value(args, ++i));
                case "--memory" -> file = null;
                case "-h", "--help" -> {
                    System.out.println("usage: embedded-store [--host HOST] [--port PORT] [--file PATH | --memory]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i] + " (try --help)");
            }
        }
        if (file != null && file.getParent() != null) {
            file.getParent().toFile().mkdirs();
        }
        EmbeddedStore store = file == null ? EmbeddedStore.inMemory(host, port) : EmbeddedStore.fileBacked(file, host, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            store.close();
            stopped.countDown();
        }, "embedded-store-shutdown"));
        System.out.println("embedded store listening on " + store.connectionString() + " (" + store.description() + ")");
        stopped.await();
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }
}
