package dev.orderflow.tools;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the services' APIs, with a bearer token: single resources, and listings page by page. */
final class Api {

    static final int PAGE_SIZE = 100;

    // HTTP/1.1: the JDK client's request timeout does not cover an HTTP/2 body, which can stall in flow control
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final ObjectMapper json = new ObjectMapper();
    private final String authorization;

    /** Calls with {@code token} (an operator's, to read across customers) as {@code Authorization: Bearer}. */
    Api(String token) {
        this.authorization = "Bearer " + token;
    }

    /** Every item of a paged listing ({@code items}, {@code total}), for instance {@code /orders}. */
    List<JsonNode> all(URI service, String path) {
        List<JsonNode> items = new ArrayList<>();
        for (int page = 0;; page++) {
            JsonNode body = get(
                    service.resolve(path + (path.contains("?") ? "&" : "?") + "size=" + PAGE_SIZE + "&page=" + page));
            body.get("items").forEach(items::add);
            if (body.get("items").size() < PAGE_SIZE || items.size() >= body.get("total").asLong()) {
                return items;
            }
        }
    }

    /** A resource; null when it is not found. */
    JsonNode find(URI service, String path) {
        return request(service.resolve(path), true);
    }

    JsonNode get(URI uri) {
        return request(uri, false);
    }

    private JsonNode request(URI uri, boolean notFoundIsNull) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .header("Authorization", authorization).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (notFoundIsNull && response.statusCode() == 404) {
                return null;
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + uri + " answered " + response.statusCode() + ": " + response.body());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + uri + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
