package dev.orderflow.tools.load;

import java.time.Duration;
import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * What one run at a constant arrival rate measured.
 *
 * @param accept from each order's planned send time to its 202 (microseconds)
 * @param endToEnd from each order's planned send time to the event of its terminal state (microseconds)
 * @param completedPerSecond terminal states reached per second, while the load ran
 * @param unfinishedShare accepted orders without a terminal state when the run gave up waiting
 */
public record LoadResult(int rate, Duration duration, long sent, long accepted, Map<String, Long> errors,
        Map<String, Long> outcomes,
        double acceptedPerSecond, double completedPerSecond, Histogram accept, Histogram endToEnd, double unfinishedShare) {

    public double p99EndToEndMillis() {
        return endToEnd.getTotalCount() == 0 ? Double.POSITIVE_INFINITY : endToEnd.getValueAtPercentile(99) / 1000.0;
    }

    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The run kept up: no error, nothing left unfinished, and p99 placed→terminal within the bound. */
    public boolean sustainable(double maxP99Millis) {
        return errorCount() == 0 && unfinishedShare == 0 && p99EndToEndMillis() <= maxP99Millis;
    }

    public String describe() {
        return String.format(
                "offered %d/s for %ds: sent %d, accepted %d (%.1f/s), completed %.1f/s, outcomes %s, errors %s, unfinished %.2f%%%n"
                        + "  accept         p50 %s  p90 %s  p99 %s  max %s%n"
                        + "  placed→terminal p50 %s  p90 %s  p99 %s  max %s",
                rate, duration.toSeconds(), sent, accepted, acceptedPerSecond, completedPerSecond, outcomes, errors,
                unfinishedShare * 100, ms(accept, 50), ms(accept, 90), ms(accept, 99), max(accept), ms(endToEnd, 50),
                ms(endToEnd, 90),
                ms(endToEnd, 99), max(endToEnd));
    }

    static String ms(Histogram histogram, double percentile) {
        return histogram.getTotalCount() == 0 ? "-"
                : String.format("%.1f ms", histogram.getValueAtPercentile(percentile) / 1000.0);
    }

    static String max(Histogram histogram) {
        return histogram.getTotalCount() == 0 ? "-" : String.format("%.1f ms", histogram.getMaxValue() / 1000.0);
    }
}
