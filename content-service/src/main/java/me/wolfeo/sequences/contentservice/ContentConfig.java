package me.wolfeo.sequences.contentservice;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where and how content-service stores email HTML. */
@ConfigMapping(prefix = "content")
public interface ContentConfig {

    Storage storage();

    interface Storage {

        String bucket();

        /** The base of {@code path_to_email}, without a trailing slash. */
        String publicBaseUrl();

        @WithDefault("true")
        boolean publicReadAcl();
    }
}
