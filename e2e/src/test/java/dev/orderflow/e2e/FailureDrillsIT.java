package dev.orderflow.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;

import dev.orderflow.tools.InvariantCheck;
import dev.orderflow.tools.ParkedMessages;
import dev.orderflow.tools.auth.Tokens;

/**
 * Failure drills, each under a bounded load of orders in flight: a service killed with kill -9 and restarted, the
 * broker stopped and started, poison messages on every command queue. Each ends with the invariant check on the whole
 * system, and reports orders placed, how they ended, and how long the system took to settle once the fault was
 * repaired; the reports go to {@code target/drills.md}.
 */
@ExtendWith(LocalSystem.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailureDrillsIT {

    static final int RATE = 10;
    static final int ORDERS = 120;
    /** When the fault strikes, and how long it lasts, in the load's time. */
    static final Duration BEFORE_FAULT = Duration.ofSeconds(4);
    static final Duration FAULT = Duration.ofSeconds(4);
    static final Duration SETTLING = Duration.ofSeconds(90);
    static final List<String> REPORT = new ArrayList<>();

    @Test
    @Order(1)
    void killingInventory() {
        drill("kill -9 inventory", () -> LocalSystem.crash("inventory"), () -> LocalSystem.restart("inventory"));
    }

    @Test
    @Order(2)
    void killingPayment() {
        drill("kill -9 payment", () -> LocalSystem.crash("payment"), () -> LocalSystem.restart("payment"));
    }

    @Test
    @Order(3)
    void killingShipping() {
        drill("kill -9 shipping", () -> LocalSystem.crash("shipping"), () -> LocalSystem.restart("shipping"));
    }

    @Test
    @Order(4)
    void killingNotification() {
        drill("kill -9 notification", () -> LocalSystem.crash("notification"), () -> LocalSystem.restart("notification"));
    }

    @Test
    @Order(5)
    void killingOrder() {
        drill("kill -9 order", () -> LocalSystem.crash("order"), () -> LocalSystem.restart("order"));
    }

    @Test
    @Order(6)
    void restartingTheBroker() {
        drill("RabbitMQ stopped and started", LocalSystem::stopBroker, LocalSystem::startBroker);
    }

    @Test
    @Order(7)
    void poisonOnEveryCommandQueue() throws Exception {
        List<String> queues = List.of("inventory.commands", "payment.commands", "shipping.commands");
        try (Connection connection = broker(); Channel channel = connection.createChannel()) {
            queues.forEach(queue -> purge(channel, queue + ".dlq"));
            drill("poison message on every command queue", () -> queues.forEach(queue -> poison(channel, queue)), () -> {
            });
            for (String queue : queues) {
                Map<String, List<String>> parked = parkedByReason(channel, queue + ".dlq");
                REPORT.add("| parked in " + queue + ".dlq | " + parked + " | | | | |");
                // the poison, and only it, was refused as unreadable; a valid command parked for another reason (it
                // expired in its queue, or kept failing) was sent again by the saga, and the drill's check holds
                assertEquals(List.of("poison-" + queue), parked.get("rejected"), queue + " parked its poison: " + parked);
            }
        }
    }

    @AfterAll
    static void writeReport() throws IOException {
        Path report = LocalSystem.RUN_DIR.getParent().resolve("drills.md");
        List<String> lines = new ArrayList<>(
                List.of("| drill | orders placed | refused while down | ended | invariants | settled after repair |",
                        "|---|---|---|---|---|---|"));
        lines.addAll(REPORT);
        Files.write(report, lines, StandardCharsets.UTF_8);
        System.out.println(String.join("\n", lines));
    }

    /** Load; fault; repair; then every accepted order must settle and every invariant hold. */
    private static void drill(String name, Runnable fault, Runnable repair) {
        String sku = Shop.product("drill", 1_000_000);
        Instant repaired;
        List<String> accepted;
        Map<String, Integer> refused;
        try (Load load = Load.start(sku, RATE, ORDERS)) {
            await().pollDelay(BEFORE_FAULT).atMost(BEFORE_FAULT.plusSeconds(1)).until(() -> true);
            fault.run();
            await().pollDelay(FAULT).atMost(FAULT.plusSeconds(1)).until(() -> true);
            repair.run();
            repaired = Instant.now();
            load.awaitAnswered(ORDERS, Duration.ofSeconds(60));
            accepted = load.accepted();
            refused = load.refused();
        }
        try {
            await().atMost(SETTLING).pollInterval(Duration.ofMillis(500))
                    .until(() -> accepted.stream()
                            .allMatch(id -> Shop.SETTLED.contains(Shop.orderById(id).getString("status"))));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(name + ": orders not settled " + SETTLING.toSeconds() + " s after the repair, by where "
                    + "they stand (status, last step and outcome): " + unsettled(accepted) + "\nqueues:\n"
                    + LocalSystem.queues(), e);
        }
        Duration recovery = Duration.between(repaired, Instant.now());
        InvariantCheck.Report check = InvariantCheck.run(LocalSystem.endpoints(),
                LocalSystem.tokens().mint(Tokens.Role.OPERATOR, "invariant-check"), SETTLING);
        Map<String, Long> ended = accepted.stream().map(Shop::orderById)
                .collect(
                        Collectors
                                .groupingBy(
                                        order -> order.getString("status") + (order.getString("cancellationReason") == null ? ""
                                                : " " + order.getString("cancellationReason")),
                                        TreeMap::new, Collectors.counting()));
        REPORT.add("| " + name + " | " + accepted.size() + " | " + refused + " | " + ended + " | "
                + (check.holds() ? "all hold" : "BROKEN") + " | " + recovery.toMillis() + " ms |");
        assertTrue(check.holds(), check.describe());
        assertEquals(ORDERS, accepted.size() + refused.values().stream().mapToInt(Integer::intValue).sum());
    }

    /** The unsettled orders among {@code ids}, counted by their status and their history's last step and outcome. */
    private static Map<String, Long> unsettled(List<String> ids) {
        return ids.stream().map(Shop::orderById).filter(order -> !Shop.SETTLED.contains(order.getString("status")))
                .collect(Collectors.groupingBy(order -> order.getString("status") + " " + order.getString("history[-1].step")
                        + " " + order.getString("history[-1].outcome"), TreeMap::new, Collectors.counting()));
    }

    private static Connection broker() throws Exception {
        return ParkedMessages.factory(LocalSystem.operator()).newConnection("drills");
    }

    /** A command no consumer can read: parked at once in the queue's DLQ. */
    private static void poison(Channel channel, String queue) {
        try {
            AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().messageId("poison-" + queue)
                    .type(queue.replace(".commands", ".reserve")).contentType("application/json").deliveryMode(2).build();
            channel.basicPublish("", queue, properties, "{ this is not json".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Takes every message out of a dead-letter queue: their ids by the reason RabbitMQ gives for the first death. */
    private static Map<String, List<String>> parkedByReason(Channel channel, String queue) throws IOException {
        Map<String, List<String>> parked = new TreeMap<>();
        for (GetResponse message = channel.basicGet(queue, true); message != null; message = channel.basicGet(queue, true)) {
            Map<String, Object> headers = message.getProps().getHeaders();
            Object reason = headers == null ? null : headers.get("x-first-death-reason");
            parked.computeIfAbsent(String.valueOf(reason), key -> new ArrayList<>()).add(message.getProps().getMessageId());
        }
        return parked;
    }

    private static void purge(Channel channel, String queue) {
        try {
            channel.queuePurge(queue);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
