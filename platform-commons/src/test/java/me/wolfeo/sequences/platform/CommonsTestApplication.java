package me.wolfeo.sequences.platform;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

import me.wolfeo.sequences.local.LocalServersResource;

/**
 * platform-commons' own tests run its mechanisms in a small Quarkus application made of the library and the test
 * sources, against the real Kafka broker and PostgreSQL of deploy/local. Its settings live here rather than in an
 * application.properties: the services' tests see this module's test classes directory (as the test-jar), and
 * must not get these settings or this test resource.
 */
public class CommonsTestApplication implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("quarkus.application.name", "platform-commons-test"),
                Map.entry("quarkus.http.test-port", "0"),
                Map.entry("quarkus.banner.enabled", "false"),
                Map.entry("quarkus.devservices.enabled", "false"),
                Map.entry("quarkus.datasource.db-kind", "postgresql"),
                Map.entry("quarkus.flyway.migrate-at-start", "true"),
                // The shared outbox and inbox tables, and a table for what the test handlers do.
                Map.entry("quarkus.flyway.locations", "db/platform,db/commons-test"),
                Map.entry("quarkus.flyway.clean-at-start", "true"),
                Map.entry("quarkus.flyway.clean-disabled", "false"),
                // A message that fails because a server is down is retried this long before the consumer stops.
                Map.entry("platform.messaging.inbound.outage-tolerance", "1s"),
                // Internal routes (internalapi tests): two callers, and a route without a role refused to all.
                Map.entry("quarkus.security.jaxrs.deny-unannotated-endpoints", "true"),
                Map.entry("platform.internal-api.callers.gateway", "test-token-gateway"),
                Map.entry("platform.internal-api.callers.sequence-service", "test-token-sequence-service"));
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(LocalServersResource.class, Map.of("database", "platform_commons_test")));
    }
}
