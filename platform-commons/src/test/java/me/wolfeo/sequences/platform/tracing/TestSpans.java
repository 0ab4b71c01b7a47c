package me.wolfeo.sequences.platform.tracing;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.arc.profile.IfBuildProfile;

/**
 * The spans of platform-commons' own tests, kept in memory (Quarkus' "cdi" span exporter, the default, exports to
 * every SpanExporter bean). Outside the test-jar: the services' tests do not get it.
 */
@Singleton
public class TestSpans {

    @Produces
    @Singleton
    @IfBuildProfile("test")
    InMemorySpanExporter spanExporter() {
        return InMemorySpanExporter.create();
    }
}
