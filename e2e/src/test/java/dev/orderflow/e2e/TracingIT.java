package dev.orderflow.e2e;

import static dev.orderflow.e2e.Shop.awaitNotifications;
import static dev.orderflow.e2e.Shop.awaitStatus;
import static dev.orderflow.e2e.Shop.order;
import static dev.orderflow.e2e.Shop.product;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/**
 * One order is one trace across the five services: the services' JSON log lines about the order (their MDC's orderId)
 * all carry the trace id the order API answered, the one the client's traceparent started.
 */
@ExtendWith(LocalSystem.class)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class TracingIT {

    static final List<String> SERVICES = List.of("order", "inventory", "payment", "shipping", "notification");
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theFiveServicesLogAConfirmedOrderInTheTraceItWasPlacedIn() {
        String traceparent = traceparent();
        String traceId = traceparent.split("-")[1];

        Map<String, Object> order = order("tok_visa", product("traced", 5));
        ExtractableResponse<Response> placed = Shop.asCustomerOf(order).contentType(ContentType.JSON)
                .header("traceparent", traceparent).body(order).when().post(Shop.ORDERS + "/orders")
                .then().statusCode(202).extract();
        String id = placed.path("id");
        assertEquals(traceId, placed.header("X-Trace-Id"));
        assertEquals(traceId, awaitStatus(id, "CONFIRMED").getString("traceId"));
        awaitNotifications(id, "order.confirmed");

        for (String service : SERVICES) {
            List<JsonNode> lines = await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> linesAbout(service, id), found -> !found.isEmpty());
            Map<String, Long> traces = lines.stream()
                    .collect(Collectors.groupingBy(line -> line.path("mdc").path("traceId").asText(), Collectors.counting()));
            assertEquals(Map.of(traceId, (long) lines.size()), traces, service + "'s lines about " + id);
            lines.forEach(line -> assertFalse(line.path("mdc").path("spanId").asText().isEmpty(), service + ": " + line));
        }
    }

    /** The service's JSON log lines whose MDC names the order. */
    private static List<JsonNode> linesAbout(String service, String orderId) {
        Path log = LocalSystem.RUN_DIR.resolve("logs").resolve(service + ".log");
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(line -> line.startsWith("{") && line.contains(orderId)).map(TracingIT::read)
                    .filter(line -> orderId.equals(line.path("mdc").path("orderId").asText())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON log line: " + line, e);
        }
    }

    private static String traceparent() {
        byte[] ids = new byte[24];
        ThreadLocalRandom.current().nextBytes(ids);
        String hex = HexFormat.of().formatHex(ids);
        return "00-" + hex.substring(0, 32) + "-" + hex.substring(32) + "-01";
    }
}
