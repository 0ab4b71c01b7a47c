package me.wolfeo.sequences.platform.metrics;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the platform's own metrics (package metrics); the HTTP and Kafka ones are Quarkus' own settings. */
@ConfigMapping(prefix = "platform.metrics")
public interface MetricsConfig {

    /**
     * How often the gauges read from the database (outbox backlog and oldest row, inbox size) are refreshed: one
     * small query per interval, whatever the number of scrapes.
     */
    @WithDefault("5s")
    Duration refreshInterval();

    /**
     * The most rows a refresh counts exactly in one table; a table with more is reported from PostgreSQL's
     * estimate of its size ({@code pg_class.reltuples}), so a refresh costs the same however large the table.
     */
    @WithDefault("10000")
    int countLimit();

    /**
     * How often the Kafka clients' meters are matched to the clients' metrics: a newly assigned partition's lag
     * appears within this (Micrometer's default is a minute).
     */
    @WithDefault("15s")
    Duration kafkaRefreshInterval();
}
