package me.wolfeo.sequences.enrollmentservice;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

import me.wolfeo.sequences.local.LocalServersResource;

/**
 * Every test of this module runs against the real Kafka broker, PostgreSQL, SMTP server and SMS sink of deploy/local. sequence-service's
 * and content-service's read APIs are served by
 * {@link me.wolfeo.sequences.enrollmentservice.sequence.SequenceServiceStub} and
 * {@link me.wolfeo.sequences.enrollmentservice.delivery.ContentServiceStub}.
 */
@WithTestResource(value = LocalServersResource.class, scope = TestResourceScope.GLOBAL, initArgs = {
        @ResourceArg(name = "database", value = "enrollment_service_test"),
        @ResourceArg(name = "delivery", value = "true"),
        @ResourceArg(name = "own-url-properties", value = "quarkus.rest-client.sequence-service.url,"
                + "quarkus.rest-client.content-service.url")})
public final class LocalServersConfiguration {

    private LocalServersConfiguration() {
    }
}
