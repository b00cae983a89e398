package dev.orderflow.tools.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/** What makes a run sustainable, and how a run is reported. */
class LoadResultTest {

    @Test
    void aRunIsSustainableOnlyWithNoErrorNothingUnfinishedAndTheP99WithinTheBound() {
        Histogram endToEnd = histogram(40_000, 60_000, 90_000);
        assertTrue(result(endToEnd, Map.of(), 0).sustainable(100));
        assertFalse(result(endToEnd, Map.of(), 0).sustainable(80), "p99 of 90 ms over a bound of 80 ms");
        assertFalse(result(endToEnd, Map.of("http 503", 1L), 0).sustainable(100), "one error");
        assertFalse(result(endToEnd, Map.of(), 0.01).sustainable(100), "1% unfinished");
        assertFalse(result(histogram(), Map.of(), 0).sustainable(100), "nothing completed: no p99 to judge");
    }

    @Test
    void describesRatesOutcomesAndPercentilesInMilliseconds() {
        LoadResult result = result(histogram(40_000, 60_000, 90_000), Map.of("timeout", 2L), 0.5);
        assertEquals(2, result.errorCount());
        assertEquals(90.0, result.p99EndToEndMillis(), 0.1);
        String text = result.describe();
        assertTrue(text.startsWith("offered 50/s for 10s: sent 500, accepted 498 (49.8/s), completed 48.0/s"), text);
        assertTrue(text.contains("errors {timeout=2}"), text);
        assertTrue(text.contains("unfinished 50.00%"), text);
        assertTrue(text.contains("placed→terminal p50 60.0 ms  p90 90.0 ms  p99 90.0 ms  max 90.0 ms"), text);
        assertTrue(text.contains("accept         p50 1.0 ms"), text);
    }

    private static LoadResult result(Histogram endToEnd, Map<String, Long> errors, double unfinished) {
        return new LoadResult(50, Duration.ofSeconds(10), 500, 498, errors, Map.of("CONFIRMED", 480L), 49.8, 48.0,
                histogram(1_000), endToEnd, unfinished);
    }

    private static Histogram histogram(long... micros) {
        Histogram histogram = new Histogram(3);
        for (long value : micros) {
            histogram.recordValue(value);
        }
        return histogram;
    }
}
