package me.wolfeo.sequences.platform.internalapi;

import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * The tokens of service-to-service calls. Each calling service has a token of its own; a service sends its token on
 * its calls and accepts the tokens of the services that call it, each under the caller's name.
 */
@ConfigMapping(prefix = "platform.internal-api")
public interface InternalApiConfig {

    /** The token this service sends on its calls to other services' internal APIs (env PLATFORM_INTERNAL_API_TOKEN). */
    Optional<String> token();

    /**
     * Caller name to the token this service accepts from it (env PLATFORM_INTERNAL_API_CALLERS_&lt;NAME&gt;). Empty:
     * no call is accepted. A name with a dash is found in the environment only once application.properties declares
     * it ({@code platform.internal-api.callers.sequence-service=...}): an environment variable's name cannot tell
     * {@code sequence-service} from {@code sequence.service}.
     */
    Map<String, String> callers();
}
