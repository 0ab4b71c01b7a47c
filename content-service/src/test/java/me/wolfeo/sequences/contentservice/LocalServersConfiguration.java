package me.wolfeo.sequences.contentservice;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

import me.wolfeo.sequences.local.LocalServersResource;

/**
 * Every test of this module runs against the real Kafka broker, PostgreSQL and S3 server of deploy/local.
 * sequence-service's read API is served by {@link me.wolfeo.sequences.contentservice.stage.SequenceServiceStub}.
 */
@WithTestResource(value = LocalServersResource.class, scope = TestResourceScope.GLOBAL, initArgs = {
        @ResourceArg(name = "database", value = "content_service_test"),
        @ResourceArg(name = "s3-bucket", value = "emails"),
        @ResourceArg(name = "own-url-properties", value = "quarkus.rest-client.sequence-service.url")})
public final class LocalServersConfiguration {

    private LocalServersConfiguration() {
    }
}
