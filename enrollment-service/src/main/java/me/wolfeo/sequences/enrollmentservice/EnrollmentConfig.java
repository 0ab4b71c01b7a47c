package me.wolfeo.sequences.enrollmentservice;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** enrollment-service's own settings. */
@ConfigMapping(prefix = "enrollment")
public interface EnrollmentConfig {

    Phone phone();

    interface Phone {

        /** The region of phone numbers given without a country code (ISO 3166 code, env ENROLLMENT_PHONE_DEFAULT_REGION). */
        @WithDefault("US")
        String defaultRegion();
    }
}
