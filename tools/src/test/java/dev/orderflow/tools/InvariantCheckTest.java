package dev.orderflow.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class InvariantCheckTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aConsistentSystemKeepsEveryInvariant() {
        InvariantCheck.Report report = evaluate(consistent());

        assertTrue(report.holds(), report.describe());
        assertEquals(Map.of("CANCELLED", 1L, "CONFIRMED", 1L), report.statuses());
    }

    @Test
    void eachBrokenPromiseIsReported() {
        InvariantCheck.Snapshot snapshot = new InvariantCheck.Snapshot(
                List.of(node("{'id':'o-1','status':'PENDING'}"), node("{'id':'o-2','status':'CANCELLED'}"),
                        node("{'id':'o-3','status':'CONFIRMED'}")),
                List.of(node("{'sku':'A','stock':{'received':10,'available':-1,'reserved':6,'sold':5}}")),
                Map.of("o-2", node("{'status':'HELD'}"), "o-3", node("{'status':'HELD'}")),
                List.of(node("{'orderId':'o-2','status':'CAPTURED'}"), node("{'orderId':'o-3','status':'CAPTURED'}")),
                List.of(node("{'orderId':'o-2','status':'SCHEDULED'}")),
                List.of(node("{'eventId':'o-3:order.confirmed','orderId':'o-3','type':'order.confirmed'}"),
                        node("{'eventId':'o-3:order.confirmed','orderId':'o-3','type':'order.confirmed'}")));

        InvariantCheck.Report report = evaluate(snapshot);

        assertEquals(List.of(1, 1, 2, 1, 2, 3), report.results().stream().map(result -> result.violations().size()).toList(),
                report.describe());
    }

    private static InvariantCheck.Snapshot consistent() {
        return new InvariantCheck.Snapshot(
                List.of(node("{'id':'o-1','status':'CONFIRMED'}"), node("{'id':'o-2','status':'CANCELLED'}")),
                List.of(node("{'sku':'A','stock':{'received':10,'available':7,'reserved':0,'sold':3}}")),
                Map.of("o-1", node("{'status':'COMMITTED'}"), "o-2", node("{'status':'RELEASED'}")),
                List.of(node("{'orderId':'o-1','status':'CAPTURED'}"), node("{'orderId':'o-2','status':'REFUNDED'}")),
                List.of(node("{'orderId':'o-1','status':'SCHEDULED'}"), node("{'orderId':'o-2','status':'CANCELLED'}")),
                List.of(node("{'eventId':'o-1:order.confirmed','orderId':'o-1','type':'order.confirmed'}"),
                        node("{'eventId':'o-2:order.cancelled','orderId':'o-2','type':'order.cancelled'}"),
                        node("{'eventId':'A:low-stock:1','orderId':null,'type':'inventory.low-stock'}")));
    }

    private static InvariantCheck.Report evaluate(InvariantCheck.Snapshot snapshot) {
        return InvariantCheck.evaluate(snapshot, Duration.ZERO);
    }

    private static JsonNode node(String json) {
        try {
            return JSON.readTree(json.replace('\'', '"'));
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }
}
