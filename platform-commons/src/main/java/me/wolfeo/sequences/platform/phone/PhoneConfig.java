package me.wolfeo.sequences.platform.phone;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How phone numbers are read, the same in every service. */
@ConfigMapping(prefix = "platform.phone")
public interface PhoneConfig {

    /** The region of phone numbers given without a country code (ISO 3166 code, env PLATFORM_PHONE_DEFAULT_REGION). */
    @WithDefault("US")
    String defaultRegion();
}
