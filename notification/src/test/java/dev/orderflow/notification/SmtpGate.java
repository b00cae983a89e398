package dev.orderflow.notification;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP gate in front of the test mail server, the way the service's mailer reaches it, so that tests can make SMTP
 * fail for real: it lets connections through, refuses them as a busy mail server does (a 421 greeting), or holds them
 * without a word. It counts the connections; the mailer opens one per mail in the tests (no keep-alive).
 */
public final class SmtpGate implements AutoCloseable {

    static final byte[] BUSY = "421 4.3.2 Service not available, try again later\r\n".getBytes(StandardCharsets.US_ASCII);

    private enum Mode {
        OPEN,
        REFUSE,
        MUTE
    }

    private final ServerSocket server;
    private final int target;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "smtp-gate");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<Socket> held = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger refusalsLeft = new AtomicInteger();
    private volatile Mode mode = Mode.OPEN;

    private SmtpGate(ServerSocket server, int target) {
        this.server = server;
        this.target = target;
        threads.execute(this::acceptAll);
    }

    /** A gate on a free local port, open, in front of the mail server listening on {@code targetPort}. */
    public static SmtpGate to(int targetPort) throws IOException {
        return new SmtpGate(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), targetPort);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** How many connections reached the gate so far. */
    public int connections() {
        return connections.get();
    }

    /** Lets every connection through, and drops those it was holding. */
    public void open() {
        mode = Mode.OPEN;
        refusalsLeft.set(0);
        held.forEach(SmtpGate::closeQuietly);
        held.clear();
    }

    /** Refuses the next {@code count} connections, then lets them through again. */
    public void refuseNext(int count) {
        refusalsLeft.set(count);
    }

    public void refuseAll() {
        mode = Mode.REFUSE;
    }

    /** Accepts connections and never answers: a mail server that hangs. */
    public void mute() {
        mode = Mode.MUTE;
    }

    @Override
    public void close() {
        closeQuietly(server);
        open();
        threads.shutdownNow();
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                connections.incrementAndGet();
                threads.execute(() -> handle(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try {
            if (mode == Mode.REFUSE || refusalsLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                client.getOutputStream().write(BUSY);
                client.close();
            } else if (mode == Mode.MUTE) {
                held.add(client);
            } else {
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                threads.execute(() -> pipe(upstream, client));
                pipe(client, upstream);
            }
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    /** Copies one direction of a conversation until either side hangs up, then hangs up both. */
    private static void pipe(Socket from, Socket to) {
        try {
            from.getInputStream().transferTo(to.getOutputStream());
        } catch (IOException hungUp) {
            // the other direction closed the sockets: the conversation is over either way
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception alreadyClosed) {
            // nothing left to release
        }
    }
}
