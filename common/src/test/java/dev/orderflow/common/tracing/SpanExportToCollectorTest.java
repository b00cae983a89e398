package dev.orderflow.common.tracing;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * With a collector named (QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT in the environment, which sets orderflow.tracing.export),
 * spans are no longer dropped: the OTLP exporter takes them.
 */
@QuarkusTest
@TestProfile(SpanExportToCollectorTest.Collector.class)
class SpanExportToCollectorTest {

    @Inject
    @Any
    Instance<SpanExporter> exporters;

    @Test
    void withACollectorNamedSpansAreLeftToTheOtlpExporter() {
        assertFalse(exporters.stream().anyMatch(DroppedSpans.class::isInstance));
    }

    public static class Collector implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("orderflow.tracing.export", "otlp", "quarkus.otel.exporter.otlp.endpoint", "http://localhost:14317");
        }
    }
}
