package me.wolfeo.sequences.platform.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * The filters every service's meters go through (Quarkus applies each {@link MeterFilter} bean to its registry):
 * <ul>
 * <li>a {@code service} tag on every meter, the service's {@code quarkus.application.name}, so dashboards tell the
 * services apart wherever they are scraped from;</li>
 * <li>a few fixed histogram buckets on the HTTP server's timings ({@code http.server.requests}), for latency
 * percentiles in Prometheus at a dozen series per route and status;</li>
 * <li>no raw id in those timings' {@code uri}: a request answered before it reached a JAX-RS route (refused by the
 * authentication of {@code /internal/} paths, say) has its raw path there, whose all-digit segments become
 * {@code {id}}, so each route shape is one series whatever the ids (Quarkus' {@code max-uri-tags} caps the
 * rest).</li>
 * </ul>
 */
@Singleton
public class PlatformMeterFilters {

    public static final String SERVICE = "service";
    /** A path segment of digits only: an id. */
    private static final Pattern ID_SEGMENT = Pattern.compile("/[0-9]+(?=/|$)");
    private static final Duration[] HTTP_BUCKETS = {
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    @Produces
    @Singleton
    MeterFilter serviceTag() {
        return MeterFilter.commonTags(
                List.of(Tag.of(SERVICE, setting(config(), "quarkus.application.name").orElse("unknown"))));
    }

    @Produces
    @Singleton
    MeterFilter httpServerUrisWithoutIds() {
        return new MeterFilter() {

            @Override
            public Meter.Id map(Meter.Id id) {
                if (!id.getName().equals("http.server.requests")) {
                    return id;
                }
                String uri = id.getTag("uri");
                if (uri == null || !ID_SEGMENT.matcher(uri).find()) {
                    return id;
                }
                return id.replaceTags(id.getTags().stream()
                        .map(tag -> tag.getKey().equals("uri")
                                ? Tag.of("uri", ID_SEGMENT.matcher(uri).replaceAll("/{id}"))
                                : tag)
                        .toList());
            }
        };
    }

    @Produces
    @Singleton
    MeterFilter httpServerBuckets() {
        return new MeterFilter() {

            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals("http.server.requests")) {
                    return config;
                }
                double[] buckets = new double[HTTP_BUCKETS.length];
                for (int i = 0; i < buckets.length; i++) {
                    buckets[i] = HTTP_BUCKETS[i].toNanos();
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(buckets).build().merge(config);
            }
        };
    }

    private static Config config() {
        return ConfigProvider.getConfig();
    }

    private static Optional<String> setting(Config config, String name) {
        return config.getOptionalValue(name, String.class);
    }
}
