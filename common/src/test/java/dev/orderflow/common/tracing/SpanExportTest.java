package dev.orderflow.common.tracing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.test.junit.QuarkusTest;

/** Without a collector named, spans are made but dropped: nothing tries to reach a collector. */
@QuarkusTest
class SpanExportTest {

    @Inject
    @Any
    Instance<SpanExporter> exporters;

    @Test
    void withoutACollectorSpansAreDropped() {
        assertTrue(exporters.stream().anyMatch(DroppedSpans.class::isInstance));
    }
}
