package dev.orderflow.e2e;

import static dev.orderflow.e2e.BadRequests.Kind.CODE;
import static dev.orderflow.e2e.BadRequests.Kind.DECIMAL;
import static dev.orderflow.e2e.BadRequests.Kind.EMAIL;
import static dev.orderflow.e2e.BadRequests.Kind.ENUM;
import static dev.orderflow.e2e.BadRequests.Kind.INTEGER;
import static dev.orderflow.e2e.BadRequests.Kind.LIST;
import static dev.orderflow.e2e.BadRequests.Kind.OBJECT;
import static dev.orderflow.e2e.BadRequests.Kind.OPTIONAL_INTEGER;
import static dev.orderflow.e2e.BadRequests.Kind.OPTIONAL_TEXT;
import static dev.orderflow.e2e.BadRequests.Kind.SKU;
import static dev.orderflow.e2e.BadRequests.Kind.TEXT;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.orderflow.e2e.BadRequests.Field;
import dev.orderflow.tools.auth.Tokens;
import dev.orderflow.tools.load.StoreStats;

/**
 * Hundreds of malformed requests against the five services as processes, generated for every write endpoint and
 * every list filter ({@link BadRequests}): each must be refused with a 4xx problem+json, never a 2xx or a 5xx, and the
 * store must hold exactly what it held before (no write at all, the same data size). Each request carries the token
 * of who may make it (the order's customer for a new order, the carrier for a shipment's progress, else the operator),
 * so that what refuses it is the input, not the caller. The counts go to {@code target/bad-input.md}.
 */
@ExtendWith(LocalSystem.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class BadInputIT {

    static final String STORE = "mongodb://127.0.0.1:" + LocalSystem.STORE_PORT;
    /** The customer whose orders the malformed orders are. */
    static final String CUSTOMER = "bad-input-customer";

    @Test
    void everyMalformedRequestIsRefusedWithAProblemAndNothingIsStored() throws Exception {
        String sku = Shop.product("bad-input", 1_000);
        String orderId = Shop.place(Shop.order("tok_visa", sku));
        await().atMost(Shop.SETTLING).until(() -> Shop.SETTLED.contains(Shop.orderById(orderId).getString("status")));
        String shipmentId = Shop.asOperator().queryParam("orderId", orderId).when().get(Shop.SHIPPING + "/shipments").then()
                .statusCode(200).extract().path("items[0].id");
        BadRequests generated = generate(sku, orderId, shipmentId);
        List<BadRequests.Request> requests = generated.all();
        assertTrue(requests.size() >= 500, requests.size() + " requests");
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, Map<Integer, Integer>> statuses = new TreeMap<>();
        List<String> wrong = new ArrayList<>();

        Map<String, StoreStats.Figures> before = quietStore();
        sendAll(client, requests, statuses, wrong);
        Map<String, StoreStats.Figures> afterMalformed = StoreStats.read(STORE).orElseThrow();
        sendAll(client, generated.unknownTargets(), statuses, wrong);
        Map<String, StoreStats.Figures> after = StoreStats.read(STORE).orElseThrow();

        report(requests.size(), generated.unknownTargets().size(), statuses, wrong);
        assertEquals(List.of(), wrong, wrong.size() + " requests were not refused properly");
        for (String database : before.keySet()) {
            assertEquals(before.get(database).writes(), afterMalformed.get(database).writes(),
                    database + ": writes while malformed requests were refused");
            assertEquals(before.get(database).dataBytes(), after.get(database).dataBytes(), database + ": data size");
        }
    }

    private static void sendAll(HttpClient client, List<BadRequests.Request> requests,
            Map<String, Map<Integer, Integer>> statuses, List<String> wrong) throws IOException, InterruptedException {
        for (BadRequests.Request request : requests) {
            HttpResponse<String> response = send(client, request);
            String[] words = request.label().split(" ", 3);
            String endpoint = words[0] + " " + words[1].replaceFirst("\\?.*", "");
            statuses.computeIfAbsent(endpoint, key -> new TreeMap<>()).merge(response.statusCode(), 1, Integer::sum);
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (response.statusCode() < 400 || response.statusCode() >= 500 || !type.startsWith("application/problem+json")) {
                wrong.add(request.label() + " -> " + response.statusCode() + " " + type + " "
                        + response.body().substring(0, Math.min(160, response.body().length())).replaceAll("\\s+", " "));
            }
        }
    }

    private static BadRequests generate(String sku, String orderId, String shipmentId) {
        Map<String, Object> order = Shop.order("tok_visa", sku);
        order.put("customerId", CUSTOMER);
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("sku", "bad-input-new");
        product.put("name", "A product");
        product.put("description", "Described");
        product.put("category", "e2e");
        product.put("unitPrice", new BigDecimal("25.00"));
        product.put("currency", "EUR");
        product.put("initialStock", 10);
        product.put("lowStockThreshold", 1);
        Map<String, Object> update = new LinkedHashMap<>(product);
        update.remove("sku");
        update.remove("initialStock");
        Map<String, List<String>> orderQueries = BadRequests.paging();
        orderQueries.put("customerId", List.of("x".repeat(101)));
        orderQueries.put("status", List.of("NOPE", "1", "pending!"));
        Map<String, List<String>> productQueries = BadRequests.paging();
        productQueries.put("category", List.of("x".repeat(101)));
        productQueries.put("lowStock", List.of("yes", "2"));
        Map<String, List<String>> paymentQueries = BadRequests.paging();
        paymentQueries.put("orderId", List.of("x".repeat(101)));
        paymentQueries.put("customerId", List.of("x".repeat(101)));
        paymentQueries.put("status", List.of("NOPE", "1"));
        Map<String, List<String>> shipmentQueries = BadRequests.paging();
        shipmentQueries.put("orderId", List.of("x".repeat(201)));
        shipmentQueries.put("status", List.of("NOPE", "1"));
        Map<String, List<String>> notificationQueries = BadRequests.paging();
        notificationQueries.put("customerId", List.of("x".repeat(201)));
        notificationQueries.put("orderId", List.of("x".repeat(201)));
        notificationQueries.put("type", List.of("x".repeat(101)));
        notificationQueries.put("status", List.of("NOPE", "1"));
        return new BadRequests()
                .body("POST", Shop.ORDERS + "/orders", order,
                        List.of(new Field("customerId", TEXT, 100, null), new Field("customerEmail", EMAIL, 254, null),
                                new Field("items", LIST, 100, null), new Field("shippingAddress", OBJECT, 0, null),
                                new Field("paymentMethod", TEXT, 100, null)),
                        Map.of("items", List.of(new Field("sku", SKU, 64, null), new Field("quantity", INTEGER, 1000, null)),
                                "shippingAddress",
                                List.of(new Field("name", TEXT, 200, null), new Field("line1", TEXT, 200, null),
                                        new Field("line2", OPTIONAL_TEXT, 200, null), new Field("city", TEXT, 100, null),
                                        new Field("postalCode", TEXT, 20, null), new Field("country", CODE, 2, "FR"))))
                .body("POST", Shop.INVENTORY + "/products", product,
                        List.of(new Field("sku", SKU, 64, null), new Field("name", TEXT, 200, null),
                                new Field("description", OPTIONAL_TEXT, 2000, null), new Field("category", TEXT, 100, null),
                                new Field("unitPrice", DECIMAL, 0, null), new Field("currency", CODE, 3, "EUR"),
                                new Field("initialStock", OPTIONAL_INTEGER, 10_000_000, null),
                                new Field("lowStockThreshold", OPTIONAL_INTEGER, 10_000_000, null)),
                        Map.of())
                .body("PUT", Shop.INVENTORY + "/products/" + sku, update,
                        List.of(new Field("name", TEXT, 200, null), new Field("description", OPTIONAL_TEXT, 2000, null),
                                new Field("category", TEXT, 100, null), new Field("unitPrice", DECIMAL, 0, null),
                                new Field("currency", CODE, 3, "EUR"),
                                new Field("lowStockThreshold", INTEGER, 10_000_000, null)),
                        Map.of())
                .body("PUT", Shop.INVENTORY + "/products/" + sku + "/stock", Map.of("change", 5, "reason", "restock"),
                        List.of(new Field("change", INTEGER, 10_000_000, null), new Field("reason", TEXT, 200, null)),
                        Map.of())
                .body("PUT", Shop.SHIPPING + "/shipments/" + shipmentId + "/status", Map.of("status", "DISPATCHED"),
                        List.of(new Field("status", ENUM, 0, "DISPATCHED")), Map.of())
                .unknown("POST", List.of(Shop.ORDERS + "/orders/ord-nothing/cancel",
                        Shop.ORDERS + "/orders/" + "x".repeat(300) + "/cancel", Shop.ORDERS + "/orders/%00/cancel"), null)
                .unknown("PUT", List.of(Shop.INVENTORY + "/products/no-such-product/stock"),
                        "{\"change\":5,\"reason\":\"restock\"}")
                .unknown("PUT", List.of(Shop.SHIPPING + "/shipments/shp-nothing/status"), "{\"status\":\"DISPATCHED\"}")
                .list(Shop.ORDERS + "/orders", orderQueries)
                .list(Shop.INVENTORY + "/products", productQueries)
                .list(Shop.PAYMENTS + "/payments", paymentQueries)
                .list(Shop.SHIPPING + "/shipments", shipmentQueries)
                .list(Shop.NOTIFICATIONS + "/notifications", notificationQueries);
    }

    /** The store's figures once nothing has written to it for two seconds: the settled order is all done. */
    private static Map<String, StoreStats.Figures> quietStore() {
        AtomicReference<Map<String, StoreStats.Figures>> last = new AtomicReference<>(Map.of());
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            Map<String, StoreStats.Figures> now = StoreStats.read(STORE).orElseThrow();
            boolean quiet = now.keySet().stream().allMatch(database -> last.get().containsKey(database)
                    && last.get().get(database).writes() == now.get(database).writes());
            last.set(now);
            return quiet;
        });
        return last.get();
    }

    private static HttpResponse<String> send(HttpClient client, BadRequests.Request request)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.url())).timeout(Duration.ofSeconds(20))
                .header("Authorization", authorization(request));
        if (request.contentType() != null) {
            builder.header("Content-Type", request.contentType());
        }
        builder.method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(request.body()));
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Who may make such a request, well-formed: the order's customer, the carrier, or else the operator. */
    private static String authorization(BadRequests.Request request) {
        String path = URI.create(request.url()).getRawPath();
        if (request.method().equals("POST") && path.equals("/orders")) {
            return Shop.authorization(Tokens.Role.CUSTOMER, CUSTOMER);
        }
        if (request.method().equals("PUT") && path.startsWith("/shipments/")) {
            return Shop.authorization(Tokens.Role.CARRIER, Shop.CARRIER);
        }
        return Shop.authorization(Tokens.Role.OPERATOR, Shop.OPERATOR);
    }

    private static void report(int malformed, int unknown, Map<String, Map<Integer, Integer>> statuses, List<String> wrong)
            throws IOException {
        List<String> lines = new ArrayList<>(List.of("# Bad input", "", malformed + " malformed requests and " + unknown
                + " to unknown targets, " + wrong.size() + " not refused with a 4xx problem", "",
                "| endpoint | requests | answered |", "|---|---|---|"));
        statuses.forEach((endpoint, counts) -> lines.add("| " + endpoint + " | "
                + counts.values().stream().mapToInt(Integer::intValue).sum() + " | " + counts + " |"));
        if (!wrong.isEmpty()) {
            lines.add("");
            lines.add("Not refused properly:");
            wrong.forEach(line -> lines.add("- " + line));
        }
        Path file = LocalSystem.RUN_DIR.getParent().resolve("bad-input.md");
        Files.write(file, lines, StandardCharsets.UTF_8);
        System.out.println(String.join("\n", lines));
    }
}
