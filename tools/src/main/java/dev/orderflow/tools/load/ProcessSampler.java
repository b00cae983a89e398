package dev.orderflow.tools.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The services' memory (resident set) and CPU while a load runs, read from /proc for the processes the local run
 * started (their pid files), and for the broker: the RabbitMQ node on this machine (the Erlang VM, {@code beam.smp}).
 */
final class ProcessSampler implements AutoCloseable {

    /** Linux counts CPU time in ticks of 1/100 s for user processes. */
    private static final double TICKS_PER_SECOND = 100.0;

    /** The broker's name in the usage, when a RabbitMQ node runs on this machine. */
    static final String BROKER = "rabbitmq";

    record Usage(long idleRssKb, long peakRssKb, double cpuPercent, double cpuSeconds) {
    }

    private final Map<String, Long> pids;
    private final Map<String, Long> idleRss = new LinkedHashMap<>();
    private final Map<String, Long> peakRss = new ConcurrentHashMap<>();
    private final Map<String, Long> startTicks = new LinkedHashMap<>();
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    private final long startNanos = System.nanoTime();

    private ProcessSampler(Map<String, Long> pids) {
        this.pids = pids;
        pids.forEach((name, pid) -> {
            long idle = rssKb(pid).orElse(0);
            idleRss.put(name, idle);
            // the peak is over every reading, the first included: a process whose memory only shrinks peaked at idle
            peakRss.put(name, idle);
            startTicks.put(name, cpuTicks(pid).orElse(0));
        });
        sampler.scheduleAtFixedRate(() -> pids.forEach((name, pid) -> rssKb(pid)
                .ifPresent(rss -> peakRss.merge(name, rss, Math::max))), 0, 500, TimeUnit.MILLISECONDS);
    }

    /** Starts sampling the named components, found in {@code <runDir>/pids}; those not running are left out. */
    static ProcessSampler start(Path runDir, List<String> names) {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (String name : names) {
            try {
                Path pidFile = runDir.resolve("pids").resolve(name + ".pid");
                if (Files.exists(pidFile)) {
                    pids.put(name, Long.parseLong(Files.readString(pidFile).trim()));
                }
            } catch (IOException | NumberFormatException e) {
                System.err.println("no pid for " + name + ": " + e.getMessage());
            }
        }
        brokerPid().ifPresent(pid -> pids.put(BROKER, pid));
        return new ProcessSampler(pids);
    }

    /** The Erlang VM of the RabbitMQ node, if one runs here (and is visible in /proc). */
    private static OptionalLong brokerPid() {
        try (var processes = Files.list(Path.of("/proc"))) {
            return processes.filter(dir -> dir.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(dir -> {
                        try {
                            return Files.readString(dir.resolve("comm")).trim().equals("beam.smp");
                        } catch (IOException e) {
                            return false;
                        }
                    })
                    .mapToLong(dir -> Long.parseLong(dir.getFileName().toString())).findFirst();
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** Idle RSS (when sampling started), peak RSS and average CPU (100% = one core) since then. */
    Map<String, Usage> usage() {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        Map<String, Usage> usage = new LinkedHashMap<>();
        pids.forEach((name, pid) -> {
            long ticks = cpuTicks(pid).orElse(startTicks.get(name)) - startTicks.get(name);
            usage.put(name, new Usage(idleRss.get(name), peakRss.getOrDefault(name, idleRss.get(name)),
                    100.0 * ticks / TICKS_PER_SECOND / seconds, ticks / TICKS_PER_SECOND));
        });
        return usage;
    }

    private static OptionalLong rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    /** utime + stime of the process, fields 14 and 15 of /proc/pid/stat (after the command name in parentheses). */
    private static OptionalLong cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return OptionalLong.of(Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
