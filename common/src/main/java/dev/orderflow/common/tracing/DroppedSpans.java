package dev.orderflow.common.tracing;

import java.util.Collection;

import jakarta.inject.Singleton;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupIfProperty;

/**
 * Where the spans go while no collector is named ({@code orderflow.tracing.export} is {@code none}): nowhere. The
 * spans are still made, so that log lines carry trace ids and messages carry trace context; only their export is
 * skipped. While this exporter can be looked up, Quarkus does not install its OTLP exporter, which would otherwise try
 * {@code localhost:4317} every few seconds and log each failure. Naming a collector
 * ({@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT} in the environment, or {@code orderflow.tracing.export=otlp}) hides this
 * bean, and the OTLP exporter takes over.
 */
@Singleton
@Unremovable
@LookupIfProperty(name = "orderflow.tracing.export", stringValue = "none")
public class DroppedSpans implements SpanExporter {

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
