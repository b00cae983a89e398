package dev.orderflow.tools.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.orderflow.common.testing.TestAccounts;
import dev.orderflow.tools.auth.SigningKeys;
import dev.orderflow.tools.auth.Tokens;

/**
 * The load as the services see it, on a stand-in for order and inventory that records each request: the products are
 * created by an operator, and each order is placed by a customer of its own, with that customer's token.
 */
class LoadGeneratorTokensTest {

    static final Map<String, String> OPERATOR = Map.of("RABBITMQ_USERNAME", TestAccounts.operator().username(),
            "RABBITMQ_PASSWORD", TestAccounts.operator().password(), "RABBITMQ_VIRTUAL_HOST", TestAccounts.VIRTUAL_HOST);
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path keys;
    HttpServer server;
    final List<String[]> products = new CopyOnWriteArrayList<>();
    final List<String[]> orders = new CopyOnWriteArrayList<>();
    final AtomicInteger ids = new AtomicInteger();

    @BeforeEach
    void standIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/products", exchange -> answer(exchange, products, 201, "{}"));
        server.createContext("/orders",
                exchange -> answer(exchange, orders, 202, "{\"id\":\"ord-" + ids.incrementAndGet() + "\"}"));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void productsAreCreatedByAnOperatorAndEachOrderIsPlacedByItsOwnCustomerWithItsToken() throws Exception {
        SigningKeys.ensure(keys);
        URI standIn = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        Tokens tokens = Tokens.signedWith(keys.resolve(SigningKeys.PRIVATE_KEY), Tokens.LOCAL_ISSUER);

        try (LoadGenerator load = LoadGenerator.prepare(standIn, standIn, 2, tokens, OPERATOR)) {
            load.run(20, Duration.ofSeconds(1), Duration.ZERO);
            load.run(20, Duration.ofSeconds(1), Duration.ZERO);
        }

        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKey(SigningKeys.readPublic(keys.resolve(SigningKeys.PUBLIC_KEY)))
                .setExpectedIssuer(Tokens.LOCAL_ISSUER).setRequireExpirationTime()
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .build();
        assertEquals(2, products.size());
        for (String[] product : products) {
            assertEquals(List.of("operator"), claims(consumer, product[0]).getStringListClaimValue("groups"));
        }
        assertEquals(40, orders.size(), "two runs of 20");
        List<String> customers = orders.stream().map(order -> customerId(order[1])).toList();
        assertEquals(40, customers.stream().distinct().count(), "a customer of its own for each order: " + customers);
        for (String[] order : orders) {
            JwtClaims claims = claims(consumer, order[0]);
            assertEquals(customerId(order[1]), claims.getSubject(), "the token is the customer's the order names");
            assertEquals(List.of("customer"), claims.getStringListClaimValue("groups"));
        }
    }

    private static void answer(HttpExchange exchange, List<String[]> requests, int status, String body) throws IOException {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        requests.add(new String[] { authorization,
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8) });
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static JwtClaims claims(JwtConsumer consumer, String authorization) throws Exception {
        assertEquals("Bearer ", authorization.substring(0, 7), authorization);
        return consumer.processToClaims(authorization.substring(7));
    }

    private static String customerId(String body) {
        try {
            return JSON.readTree(body).path("customerId").asText();
        } catch (IOException e) {
            throw new AssertionError(body, e);
        }
    }
}
