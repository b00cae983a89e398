package dev.orderflow.order.rest;

import static dev.orderflow.order.testing.Orders.awaitStatus;
import static dev.orderflow.order.testing.Orders.order;
import static dev.orderflow.order.testing.Orders.place;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import dev.orderflow.order.repository.OrderRepository;
import dev.orderflow.order.testing.EventStream;
import dev.orderflow.order.testing.FakeParticipants;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Following an order (GET /orders/{id}/events): every status as it is stored, short-lived ones included, in order;
 * heartbeats; the end of the stream at a final status or when idle; a change stored by another replica; the bound on
 * open streams. Heartbeats, idle timeout and bound are shortened by the profile.
 */
@QuarkusTest
@TestProfile(OrderEventsTest.ShortStreams.class)
class OrderEventsTest {

    static final Duration HEARTBEAT = Duration.ofMillis(200);
    static final Duration IDLE = Duration.ofSeconds(2);
    static final Duration DEADLINE = Duration.ofSeconds(15);

    public static class ShortStreams implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("order.events.heartbeat-interval", HEARTBEAT.toMillis() + "ms",
                    "order.events.idle-timeout", IDLE.toMillis() + "ms",
                    "order.events.max-streams", "2",
                    "order.events.retry-after", "3s");
        }
    }

    @RegisterExtension
    static final FakeParticipants participants = FakeParticipants.perClass();

    @Inject
    OrderRepository orders;

    @Test
    void aCompensatedOrderIsFollowedThroughEveryStatusToItsEnd() throws Exception {
        // the reservation waits for the test: the stream is open before the saga moves
        String id = place(order("tok_decline", "late-laptop"));

        try (EventStream stream = EventStream.open(id)) {
            assertEquals(200, stream.statusCode());
            await().atMost(DEADLINE).until(() -> stream.statuses().contains("PENDING"));
            participants.answerLateReservations();

            await().atMost(DEADLINE).until(stream::ended);
            assertEquals(List.of("PENDING", "COMPENSATING", "CANCELLED"), stream.statuses(), String.join("\n", stream.lines()));
            JsonPath compensating = stream.events().get(1);
            assertEquals(List.of("failed"),
                    compensating
                            .getList("history.findAll { it.step == 'charge-payment' && it.reason == 'CARD_DECLINED' }.outcome"),
                    "the entry that caused the change comes with it");
            assertEquals("compensating", compensating.getString("history[-1].outcome"));
            JsonPath cancelled = stream.events().get(2);
            assertEquals("CARD_DECLINED", cancelled.getString("reason"));
            assertEquals("cancelled", cancelled.getString("history[-1].outcome"));
        }
    }

    @Test
    void aFinishedOrderIsSentOnceAndTheStreamEnds() throws Exception {
        String id = place(order("tok_decline", "laptop"));
        awaitStatus(id, "CANCELLED");

        try (EventStream stream = EventStream.open(id)) {
            await().atMost(DEADLINE).until(stream::ended);
            assertEquals(List.of("CANCELLED"), stream.statuses());
            assertEquals(1, stream.events().get(0).getList("history").size(), "the latest entry only");
        }
    }

    @Test
    void aStreamWithoutNewStatusIsSentHeartbeatsThenClosed() throws Exception {
        String id = confirmedOrder();

        try (EventStream stream = EventStream.open(id)) {
            long opened = System.nanoTime();
            await().atMost(DEADLINE).until(() -> stream.statuses().equals(List.of("CONFIRMED")));
            await().atMost(DEADLINE).until(() -> stream.comments().contains(":heartbeat"));

            await().atMost(DEADLINE).until(stream::ended);
            Duration open = Duration.ofNanos(System.nanoTime() - opened);
            assertTrue(open.compareTo(IDLE.minusMillis(100)) >= 0, "closed after the idle timeout, not before: " + open);
            assertEquals(List.of("CONFIRMED"), stream.statuses());
        }
    }

    @Test
    void aChangeStoredByAnotherReplicaIsSentAtTheNextHeartbeat() throws Exception {
        String id = confirmedOrder();

        try (EventStream stream = EventStream.open(id)) {
            await().atMost(DEADLINE).until(() -> stream.statuses().equals(List.of("CONFIRMED")));

            storeAsAnotherReplica(id, "SHIPPED");
            await().atMost(DEADLINE).until(() -> stream.statuses().equals(List.of("CONFIRMED", "SHIPPED")));
            assertFalse(stream.ended());
            assertEquals("shipped", stream.events().get(1).getString("history[-1].outcome"));

            storeAsAnotherReplica(id, "DELIVERED");
            await().atMost(DEADLINE).until(stream::ended);
            assertEquals(List.of("CONFIRMED", "SHIPPED", "DELIVERED"), stream.statuses());
        }
    }

    @Test
    void beyondTheStreamsItServesANewOneIsRefusedUntilOneCloses() throws Exception {
        String id = confirmedOrder();
        List<EventStream> open = new ArrayList<>();
        try {
            // streams of the other tests may still be closing: wait for both slots
            open.add(openedStream(id));
            open.add(openedStream(id));
            given().when().get("/q/metrics").then().body(containsString("order_events_streams{application=\"order\"} 2.0"));

            try (EventStream refused = EventStream.open(id)) {
                assertEquals(503, refused.statusCode());
                assertEquals("3", refused.header("Retry-After"));
                assertTrue(refused.header("Content-Type").startsWith("application/problem+json"),
                        refused.header("Content-Type"));
                assertEquals(503, JsonPath.from(refused.body()).getInt("status"));
            }

            open.remove(0).close();
            open.add(openedStream(id));
            assertEquals(List.of("CONFIRMED"), open.get(1).statuses());
        } finally {
            for (EventStream stream : open) {
                stream.close();
            }
        }
    }

    /** Opens a stream once a slot is free, and waits for its first event. */
    private static EventStream openedStream(String id) {
        AtomicReference<EventStream> opened = new AtomicReference<>();
        await().atMost(DEADLINE).until(() -> {
            EventStream stream = EventStream.open(id);
            if (stream.statusCode() == 200) {
                opened.set(stream);
                return true;
            }
            stream.close();
            return false;
        });
        await().atMost(DEADLINE).until(() -> !opened.get().statuses().isEmpty());
        return opened.get();
    }

    private static String confirmedOrder() {
        String id = place(order("tok_visa", "laptop"));
        awaitStatus(id, "CONFIRMED");
        return id;
    }

    /** Moves the order in the store directly, as another replica would: this instance pushes nothing. */
    private void storeAsAnotherReplica(String id, String status) {
        Date now = new Date();
        orders.mongoCollection().updateOne(Filters.eq("_id", id), Updates.combine(
                Updates.set("status", status),
                Updates.inc("version", 1L),
                Updates.set("updatedAt", now),
                Updates.push("history", new Document("at", now).append("status", status)
                        .append("outcome", status.toLowerCase()))))
                .await().atMost(DEADLINE);
    }
}
