package dev.orderflow.tools.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.LongStream;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orderflow.tools.auth.Tokens;

/**
 * Places orders at a constant arrival rate (an open model: each order is sent at its planned time, whether the
 * earlier ones were answered or not) and follows each to its terminal state. Latencies are measured from the planned
 * send time, so a system that falls behind cannot hide its queueing (no coordinated omission). Each order is placed
 * by a customer of its own, with that customer's token; the tokens of a run are minted before it starts, so signing
 * them (a few milliseconds each) is not in what is measured.
 */
public final class LoadGenerator implements AutoCloseable {

    static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI orders;
    private final List<String> skus;
    private final Tokens tokens;
    private final TerminalEvents terminals;
    private final AtomicLong customersSoFar = new AtomicLong();
    // HTTP/1.1: the JDK client's request timeout does not cover an HTTP/2 body, which can stall in flow control
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private LoadGenerator(URI orders, List<String> skus, Tokens tokens, TerminalEvents terminals) {
        this.orders = orders;
        this.skus = skus;
        this.tokens = tokens;
        this.terminals = terminals;
    }

    /**
     * Creates the products the load orders (stock enough never to run out), as an operator, and subscribes to the
     * terminal events.
     */
    public static LoadGenerator prepare(URI orders, URI inventory, int products, Tokens tokens,
            Map<String, String> environment) {
        String operator = "Bearer " + tokens.mint(Tokens.Role.OPERATOR, "bench");
        List<String> skus = new ArrayList<>();
        String run = UUID.randomUUID().toString().substring(0, 8);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (int i = 0; i < products; i++) {
            String sku = "load-" + run + "-" + i;
            String body = "{\"sku\":\"" + sku + "\",\"name\":\"Load " + i + "\",\"category\":\"load\",\"unitPrice\":9.99,"
                    + "\"currency\":\"EUR\",\"initialStock\":10000000,\"lowStockThreshold\":0}";
            HttpResponse<String> created = send(http, HttpRequest.newBuilder(inventory.resolve("/products"))
                    .header("Content-Type", "application/json").header("Authorization", operator)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
            if (created.statusCode() != 201) {
                throw new IllegalStateException(
                        "cannot create product " + sku + ": " + created.statusCode() + " " + created.body());
            }
            skus.add(sku);
        }
        return new LoadGenerator(orders, skus, tokens, TerminalEvents.subscribe(environment));
    }

    /** Runs {@code rate} orders a second for {@code duration}, then waits at most {@code drain} for the last ones to end. */
    public LoadResult run(int rate, Duration duration, Duration drain) {
        Histogram accept = new ConcurrentHistogram(HIGHEST_MICROS, 3);
        Histogram endToEnd = new ConcurrentHistogram(HIGHEST_MICROS, 3);
        Map<String, Long> placed = new ConcurrentHashMap<>();
        Map<String, Long> errors = new ConcurrentHashMap<>();
        List<CompletableFuture<Void>> answers = new ArrayList<>();
        long total = (long) rate * duration.toSeconds();
        List<Customer> customers = customers((int) total, duration.plus(drain).plusMinutes(5));
        long period = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        for (long i = 0; i < total; i++) {
            long planned = start + i * period;
            for (long wait = planned - System.nanoTime(); wait > 0; wait = planned - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            answers.add(place(customers.get((int) i), skus.get((int) (i % skus.size()))).handle((response, failure) -> {
                long answered = System.nanoTime();
                accept.recordValue(Math.min(HIGHEST_MICROS, (answered - planned) / 1000));
                if (failure != null) {
                    errors.merge(failure.getClass().getSimpleName(), 1L, Long::sum);
                } else if (response.statusCode() != 202) {
                    errors.merge("HTTP " + response.statusCode(), 1L, Long::sum);
                } else {
                    placed.put(idOf(response.body()), planned);
                }
                return null;
            }));
        }
        long sendingEnded = System.nanoTime();
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).orTimeout(60, TimeUnit.SECONDS)
                .exceptionally(failure -> null)
                .join();
        long deadline = System.nanoTime() + drain.toNanos();
        while (System.nanoTime() < deadline && placed.keySet().stream().anyMatch(id -> terminals.of(id) == null)) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
        Map<String, Long> outcomes = new TreeMap<>();
        long finished = 0;
        long finishedWhileLoaded = 0;
        for (Map.Entry<String, Long> order : placed.entrySet()) {
            TerminalEvents.Terminal terminal = terminals.of(order.getKey());
            if (terminal != null) {
                finished++;
                outcomes.merge(terminal.type(), 1L, Long::sum);
                endToEnd.recordValue(Math.min(HIGHEST_MICROS, Math.max(0, terminal.nanos() - order.getValue()) / 1000));
                if (terminal.nanos() <= sendingEnded) {
                    finishedWhileLoaded++;
                }
            }
        }
        double seconds = (sendingEnded - start) / 1e9;
        double unfinished = placed.isEmpty() ? 0 : 1.0 - (double) finished / placed.size();
        return new LoadResult(rate, duration, total, placed.size(), Map.copyOf(errors), outcomes, placed.size() / seconds,
                finishedWhileLoaded / seconds, accept, endToEnd, unfinished);
    }

    /** A customer of the load: its id, and the Authorization header of its token. */
    private record Customer(String id, String authorization) {
    }

    /**
     * {@code count} new customers, their tokens minted on every core: each order is a new customer's, so what the
     * harness measures is the system, not one customer's allowance (order.rate-limit.per-customer).
     */
    private List<Customer> customers(int count, Duration ttl) {
        long first = customersSoFar.getAndAdd(count) + 1;
        return LongStream.range(first, first + count).parallel()
                .mapToObj(n -> new Customer("load-" + n, "Bearer " + tokens.mint(Tokens.Role.CUSTOMER, "load-" + n, ttl)))
                .toList();
    }

    private CompletableFuture<HttpResponse<String>> place(Customer customer, String sku) {
        String body = "{\"customerId\":\"" + customer.id() + "\",\"customerEmail\":\"" + customer.id()
                + "@example.com\",\"paymentMethod\":\"tok_visa\","
                + "\"items\":[{\"sku\":\"" + sku + "\",\"quantity\":1}],"
                + "\"shippingAddress\":{\"name\":\"Load\",\"line1\":\"1 rue de la Paix\",\"city\":\"Paris\",\"postalCode\":\"75002\","
                + "\"country\":\"FR\"}}";
        return http.sendAsync(HttpRequest.newBuilder(orders.resolve("/orders")).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Authorization", customer.authorization())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String idOf(String body) {
        try {
            return JSON.readTree(body).path("id").asText();
        } catch (Exception e) {
            throw new IllegalStateException("not an order: " + body, e);
        }
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws Exception {
        terminals.close();
    }
}
