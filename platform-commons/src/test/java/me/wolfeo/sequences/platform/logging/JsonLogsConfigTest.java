package me.wolfeo.sequences.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The services' console logs, as platform-commons' shared settings make them: plain lines by default (locally and
 * in tests), one JSON object per line in the kubernetes profile.
 */
class JsonLogsConfigTest {

    private static final String JSON_CONSOLE = "quarkus.log.console.json.enabled";

    private static SmallRyeConfig sharedSettings(String profile) throws IOException {
        URL settings = JsonLogsConfigTest.class.getClassLoader()
                .getResource("META-INF/microprofile-config.properties");
        assertThat(settings).isNotNull();
        SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(settings));
        if (profile != null) {
            builder.withProfile(profile);
        }
        return builder.build();
    }

    @Test
    void consoleLogsArePlainByDefault() throws IOException {
        assertThat(sharedSettings(null).getValue(JSON_CONSOLE, Boolean.class)).isFalse();
        assertThat(sharedSettings("test").getValue(JSON_CONSOLE, Boolean.class)).isFalse();
        assertThat(sharedSettings("dev").getValue(JSON_CONSOLE, Boolean.class)).isFalse();
    }

    @Test
    void consoleLogsAreJsonInKubernetes() throws IOException {
        assertThat(sharedSettings("kubernetes").getValue(JSON_CONSOLE, Boolean.class)).isTrue();
    }
}
