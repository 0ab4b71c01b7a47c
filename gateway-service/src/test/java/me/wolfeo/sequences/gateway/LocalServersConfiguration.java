package me.wolfeo.sequences.gateway;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

import me.wolfeo.sequences.local.LocalServersResource;

/** Every test of this module runs against the real Kafka broker and PostgreSQL of deploy/local. */
@WithTestResource(value = LocalServersResource.class, scope = TestResourceScope.GLOBAL, initArgs = @ResourceArg(name = "database", value = "gateway_service_test"))
public final class LocalServersConfiguration {

    private LocalServersConfiguration() {
    }
}
