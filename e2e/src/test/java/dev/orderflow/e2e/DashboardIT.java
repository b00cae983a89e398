package dev.orderflow.e2e;

import static dev.orderflow.e2e.Shop.awaitSettled;
import static dev.orderflow.e2e.Shop.awaitStatus;
import static dev.orderflow.e2e.Shop.carrier;
import static dev.orderflow.e2e.Shop.order;
import static dev.orderflow.e2e.Shop.place;
import static dev.orderflow.e2e.Shop.product;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The dashboard cannot drift from the code: every metric its panels query (deploy/observability/dashboards/
 * orderflow.json) is in the running services' /q/metrics, or, for rabbitmq_*, in the broker's per-queue metrics
 * (rabbitmq_prometheus, as Prometheus scrapes it in deploy/observability/prometheus.yml), once orders have gone
 * through.
 */
@ExtendWith(LocalSystem.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DashboardIT {

    static final Map<String, String> SERVICES = Map.of("order", Shop.ORDERS, "inventory", Shop.INVENTORY, "payment",
            Shop.PAYMENTS, "shipping", Shop.SHIPPING, "notification", Shop.NOTIFICATIONS);
    static final String BROKER_METRICS = "http://127.0.0.1:15692/metrics/detailed";

    /** A metric name in a PromQL expression: an identifier that is not a function call, a keyword or a label. */
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![a-zA-Z0-9_:])[a-zA-Z_:][a-zA-Z0-9_:]*+(?!\\s*\\()");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left", "group_right",
            "bool", "and", "or", "unless", "offset");

    @Test
    void everyMetricTheDashboardQueriesIsServed() throws IOException {
        String delivered = place(order("tok_visa", product("dashboard", 5)));
        awaitStatus(delivered, "CONFIRMED");
        carrier(delivered, "DISPATCHED");
        awaitStatus(delivered, "SHIPPED");
        carrier(delivered, "IN_TRANSIT");
        carrier(delivered, "DELIVERED");
        awaitStatus(delivered, "DELIVERED");
        assertEquals("CANCELLED", awaitSettled(place(order("tok_decline", product("dashboard", 5)))).getString("status"));

        Map<String, Set<String>> served = new TreeMap<>();
        SERVICES.forEach((service, url) -> served.put(service, names(given().when().get(url + "/q/metrics")
                .then().statusCode(200).extract().asString())));
        served.put("rabbitmq", names(given().queryParam("family", "queue_coarse_metrics")
                .queryParam("vhost", LocalSystem.virtualHost()).when().get(BROKER_METRICS)
                .then().statusCode(200).extract().asString()));

        Set<String> queried = queriedMetrics(new ObjectMapper().readTree(Files.readString(
                LocalSystem.ROOT.resolve("deploy/observability/dashboards/orderflow.json"))));
        assertFalse(queried.isEmpty(), "the dashboard queries metrics");
        Set<String> missing = queried.stream()
                .filter(metric -> served.values().stream().noneMatch(names -> names.contains(metric)))
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(missing.isEmpty(), () -> "the dashboard queries metrics nobody serves: " + missing);
    }

    /** The metric names in the Prometheus text format. */
    static Set<String> names(String exposition) {
        return exposition.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toSet());
    }

    /** The metric names the panels' queries read. */
    static Set<String> queriedMetrics(JsonNode dashboard) {
        Set<String> metrics = new TreeSet<>();
        dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(target -> {
            String expression = target.path("expr").asText()
                    .replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"") // string literals
                    .replaceAll("\\{[^}]*}", " ") // label matchers
                    .replaceAll("\\[[^]]*]", " ") // ranges
                    .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " "); // label lists
            Matcher identifier = IDENTIFIER.matcher(expression);
            while (identifier.find()) {
                String name = identifier.group();
                if (!KEYWORDS.contains(name) && !name.startsWith("__")) {
                    metrics.add(name);
                }
            }
        }));
        return metrics;
    }
}
