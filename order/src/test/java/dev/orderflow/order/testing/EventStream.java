package dev.orderflow.order.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.orderflow.common.testing.Tokens;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * {@code GET /orders/{id}/events} as a client reads it: the raw lines of the response, read as they come on a thread of
 * its own, so that a test awaits them with a deadline. Closing it closes the connection.
 */
public final class EventStream implements AutoCloseable {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final HttpResponse<InputStream> response;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final String body;
    private volatile boolean ended;

    private EventStream(HttpResponse<InputStream> response) throws IOException {
        this.response = response;
        if (response.statusCode() == 200) {
            body = null;
            Thread reader = new Thread(this::read, "event-stream-" + response.uri().getPath());
            reader.setDaemon(true);
            reader.start();
        } else {
            try (InputStream in = response.body()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            ended = true;
        }
    }

    /**
     * Opens the order's stream as an operator; returns once the response has begun (for a stream, with its first
     * event).
     */
    public static EventStream open(String orderId) {
        return open(orderId, Tokens.operator());
    }

    /** Opens the order's stream with this bearer token (null: none). */
    public static EventStream open(String orderId, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://localhost:" + RestAssured.port + "/orders/" + orderId + "/events"))
                .timeout(Duration.ofSeconds(20)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return new EventStream(CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int statusCode() {
        return response.statusCode();
    }

    public String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** The whole body of a response that is not a stream (a problem). */
    public String body() {
        return body;
    }

    /** The events' data, in the order received. */
    public List<JsonPath> events() {
        return lines.stream().filter(line -> line.startsWith("data:"))
                .map(line -> JsonPath.from(line.substring("data:".length()))).toList();
    }

    /** The statuses of the events received, in order. */
    public List<String> statuses() {
        return events().stream().map(event -> event.getString("status")).toList();
    }

    /** The comment lines received ({@code :text}). */
    public List<String> comments() {
        return lines.stream().filter(line -> line.startsWith(":")).toList();
    }

    /** Whether the server ended the stream. */
    public boolean ended() {
        return ended;
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    private void read() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lines.add(line);
            }
        } catch (IOException closed) {
            // closed by the test, or the connection was cut
        } finally {
            ended = true;
        }
    }

    @Override
    public void close() throws IOException {
        response.body().close();
    }
}
