package me.wolfeo.sequences.platform.internalapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * How the callers' tokens come from the environment, as the services declare them in application.properties
 * ({@code platform.internal-api.callers.<caller>=${PLATFORM_INTERNAL_API_CALLERS_<CALLER>}}).
 */
class InternalApiConfigTest {

    private static final Map<String, String> ENVIRONMENT = Map.of(
            "PLATFORM_INTERNAL_API_TOKEN", "own-token",
            "PLATFORM_INTERNAL_API_CALLERS_GATEWAY", "gateway-token",
            "PLATFORM_INTERNAL_API_CALLERS_ENROLLMENT_SERVICE", "engine-token");

    private static InternalApiConfig config(Map<String, String> environment, Map<String, String> properties) {
        return new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withSources(new EnvConfigSource(environment, 300))
                .withSources(new PropertiesConfigSource(properties, "application.properties", 250))
                .withMapping(InternalApiConfig.class)
                .build().getConfigMapping(InternalApiConfig.class);
    }

    @Test
    void aDeclaredCallerTakesItsTokenFromTheEnvironment() {
        InternalApiConfig config = config(ENVIRONMENT, Map.of(
                "platform.internal-api.callers.gateway", "${PLATFORM_INTERNAL_API_CALLERS_GATEWAY}",
                "platform.internal-api.callers.enrollment-service",
                "${PLATFORM_INTERNAL_API_CALLERS_ENROLLMENT_SERVICE}"));

        assertThat(config.token()).contains("own-token");
        assertThat(config.callers()).containsOnly(Map.entry("gateway", "gateway-token"),
                Map.entry("enrollment-service", "engine-token"));
    }

    @Test
    void aCallerWithADashIsNotFoundInTheEnvironmentUnlessDeclared() {
        assertThat(config(ENVIRONMENT, Map.of()).callers()).containsOnlyKeys("gateway");
    }

    @Test
    void aDeclaredCallerWithoutItsVariableStopsTheStart() {
        assertThatThrownBy(() -> config(Map.of(), Map.of(
                "platform.internal-api.callers.gateway", "${PLATFORM_INTERNAL_API_CALLERS_GATEWAY}")).callers())
                .hasMessageContaining("PLATFORM_INTERNAL_API_CALLERS_GATEWAY");
    }

    @Test
    void withoutCallersNoTokenIsAccepted() {
        assertThat(config(Map.of(), Map.of()).callers()).isEmpty();
        assertThat(config(Map.of(), Map.of()).token()).isEmpty();
    }
}
