package dev.orderflow.common.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The log lines the application under test writes under a logger (its records, with the MDC each was written with),
 * collected while a test class runs: registered as its extension,
 *
 * <pre>
 * &#64;RegisterExtension
 * static final LogLines logs = LogLines.of("dev.orderflow");
 * </pre>
 */
public final class LogLines extends Handler implements BeforeAllCallback, AfterAllCallback {

    /** A log line as written: logger, level, message and MDC. */
    public record Line(String logger, Level level, String message, Map<String, String> mdc) {
    }

    private final String logger;
    private final List<Line> lines = new CopyOnWriteArrayList<>();

    private LogLines(String logger) {
        this.logger = logger;
    }

    public static LogLines of(String logger) {
        return new LogLines(logger);
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Logger.getLogger(logger).addHandler(this);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Logger.getLogger(logger).removeHandler(this);
        lines.clear();
    }

    @Override
    public void publish(LogRecord record) {
        if (record instanceof ExtLogRecord line) {
            lines.add(new Line(line.getLoggerName(), line.getLevel(), line.getFormattedMessage(), line.getMdcCopy()));
        }
    }

    public List<Line> lines(Predicate<Line> which) {
        return lines.stream().filter(which).toList();
    }

    /** The lines whose MDC names this order. */
    public List<Line> aboutOrder(String orderId) {
        return lines(line -> orderId.equals(line.mdc().get("orderId")));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
