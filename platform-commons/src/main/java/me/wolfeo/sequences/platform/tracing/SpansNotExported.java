package me.wolfeo.sequences.platform.tracing;

import java.util.Collection;

import jakarta.inject.Singleton;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupIfProperty;

/**
 * Keeps the spans in the process while {@code platform.tracing.export} is false (locally and in tests): the
 * services still make spans, propagate the trace context and log the trace ids, but connect to no collector.
 * Quarkus' OTLP exporter stands down whenever a {@link SpanExporter} bean can be looked up, and its own switch
 * ({@code quarkus.otel.exporter.otlp.enabled}) is fixed at build time, while the profile that turns the export on
 * ({@code kubernetes}) is chosen at run time.
 */
@Singleton
@Unremovable
@LookupIfProperty(name = "platform.tracing.export", stringValue = "false", lookupIfMissing = true)
public class SpansNotExported implements SpanExporter {

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
