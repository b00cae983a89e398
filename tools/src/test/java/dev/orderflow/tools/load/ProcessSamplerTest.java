package dev.orderflow.tools.load;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Memory and CPU read from /proc for the processes named by the local run's pid files: here, this test's own JVM. */
class ProcessSamplerTest {

    @TempDir
    Path runDir;

    @Test
    void readsTheResidentSetAndTheCpuOfTheProcessesWithAPidFileAndLeavesTheOthersOut() throws Exception {
        Files.createDirectories(runDir.resolve("pids"));
        Files.writeString(runDir.resolve("pids/order.pid"), ProcessHandle.current().pid() + "\n");
        try (ProcessSampler sampler = ProcessSampler.start(runDir, List.of("order", "inventory"))) {
            long cpuBefore = ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos();
            // keep one core busy until the kernel has counted at least 200 ms of this process's CPU time
            await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).until(() -> {
                spin();
                return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos() - cpuBefore > 200_000_000;
            });
            Map<String, ProcessSampler.Usage> usage = sampler.usage();
            assertEquals(List.of("order"),
                    usage.keySet().stream().filter(name -> !name.equals(ProcessSampler.BROKER)).toList(),
                    "inventory has no pid file");
            ProcessSampler.Usage order = usage.get("order");
            assertTrue(order.idleRssKb() > 10_000, "a JVM holds more than 10 MB: " + order);
            assertTrue(order.peakRssKb() >= order.idleRssKb(), order.toString());
            assertTrue(order.cpuPercent() > 5, "a busy thread shows in the CPU share: " + order);
            assertTrue(order.cpuSeconds() >= 0.15, "the CPU time counted is the process's: " + order);
        }
    }

    private static void spin() {
        long until = System.nanoTime() + 20_000_000;
        double x = 0;
        while (System.nanoTime() < until) {
            x += Math.sqrt(x + 1);
        }
        if (x < 0) {
            throw new AssertionError();
        }
    }
}
