package dev.orderflow.tools.load;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The report's per-order figures: CPU, store operations and bytes, each divided by the orders completed. */
class BenchReportTest {

    @Test
    void cpuPerOrderIsEachComponentsCpuTimeOverTheOrdersCompletedAndAddsUp() {
        Map<String, ProcessSampler.Usage> usage = new LinkedHashMap<>();
        usage.put("order", new ProcessSampler.Usage(200_000, 210_000, 40, 8.0));
        usage.put(ProcessSampler.BROKER, new ProcessSampler.Usage(100_000, 120_000, 10, 2.0));

        String table = Bench.usageTable(usage, 1_000);

        assertTrue(table.contains("| order | 195 MB | 205 MB | 40% | 8.00 ms |"), table);
        assertTrue(table.contains("| rabbitmq | 97 MB | 117 MB | 10% | 2.00 ms |"), table);
        assertTrue(table.contains("| all | | | | 10.00 ms |"), table);
    }

    @Test
    void storeFiguresPerOrderAreTheChangeOverTheRunPerDatabaseAndInAll() {
        Map<String, StoreStats.Figures> before = Map.of("order", new StoreStats.Figures(100, 50, 1_000),
                "payment", new StoreStats.Figures(0, 0, 0));
        Map<String, StoreStats.Figures> after = new LinkedHashMap<>();
        after.put("order", new StoreStats.Figures(400, 850, 2_001_000));
        after.put("payment", new StoreStats.Figures(100, 200, 500_000));

        String table = Bench.storeTable(before, after, 100);

        assertTrue(table.contains("| order | 3.0 | 8.0 | 20000 B |"), table);
        assertTrue(table.contains("| payment | 1.0 | 2.0 | 5000 B |"), table);
        assertTrue(table.contains("| all | 4.0 | 10.0 | 25000 B |"), table);
    }
}
