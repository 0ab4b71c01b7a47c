package me.wolfeo.sequences.sequenceservice;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

import me.wolfeo.sequences.local.LocalServersResource;

/**
 * Every test of this module runs against the real Kafka broker and PostgreSQL of deploy/local. content-service's
 * read API is served by {@link me.wolfeo.sequences.sequenceservice.stage.ContentServiceStub}.
 */
@WithTestResource(value = LocalServersResource.class, scope = TestResourceScope.GLOBAL, initArgs = {
        @ResourceArg(name = "database", value = "sequence_service_test"),
        @ResourceArg(name = "own-url-properties", value = "quarkus.rest-client.content-service.url")})
public final class LocalServersConfiguration {

    private LocalServersConfiguration() {
    }
}
