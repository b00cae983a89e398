package dev.orderflow.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orderflow.tools.auth.Tokens;

/**
 * A bounded load for the drills: {@code count} orders placed at a constant rate, whether earlier ones were answered or
 * not (customers do not wait for each other), each answer recorded.
 */
final class Load implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    // HTTP/1.1: the JDK client's request timeout does not cover an HTTP/2 body, which can stall in flow control
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private final List<CompletableFuture<Void>> requests = new CopyOnWriteArrayList<>();
    private final List<String> accepted = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> refused = new ConcurrentHashMap<>();
    private final AtomicInteger sent = new AtomicInteger();

    private Load() {
    }

    /** Starts placing {@code count} orders for one unit of {@code sku}, {@code perSecond} a second. */
    static Load start(String sku, int perSecond, int count) {
        Load load = new Load();
        long period = TimeUnit.SECONDS.toMicros(1) / perSecond;
        load.clock.scheduleAtFixedRate(() -> {
            if (load.sent.getAndIncrement() < count) {
                load.requests.add(load.placeOne(sku));
            }
        }, 0, period, TimeUnit.MICROSECONDS);
        return load;
    }

    private CompletableFuture<Void> placeOne(String sku) {
        Map<String, Object> order = Shop.order("tok_visa", sku);
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(order);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        // each order a new customer's, placed with its own token
        String authorization = "Bearer " + LocalSystem.tokens().mint(Tokens.Role.CUSTOMER, (String) order.get("customerId"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(Shop.ORDERS + "/orders")).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
            if (failure != null) {
                refused.computeIfAbsent(failure.getClass().getSimpleName(), kind -> new AtomicInteger()).incrementAndGet();
            } else if (response.statusCode() == 202) {
                try {
                    accepted.add(JSON.readTree(response.body()).path("id").asText());
                } catch (Exception e) {
                    refused.computeIfAbsent("unreadable 202", kind -> new AtomicInteger()).incrementAndGet();
                }
            } else {
                refused.computeIfAbsent("HTTP " + response.statusCode(), kind -> new AtomicInteger()).incrementAndGet();
            }
            return null;
        });
    }

    /** Waits until every order was sent and answered (or failed). */
    void awaitAnswered(int count, Duration atMost) {
        Awaitility.await().atMost(atMost).until(() -> sent.get() >= count && requests.size() >= count
                && requests.stream().allMatch(CompletableFuture::isDone));
    }

    List<String> accepted() {
        return List.copyOf(accepted);
    }

    Map<String, Integer> refused() {
        Map<String, Integer> kinds = new ConcurrentHashMap<>();
        refused.forEach((kind, count) -> kinds.put(kind, count.get()));
        return kinds;
    }

    @Override
    public void close() {
        clock.shutdownNow();
    }
}
