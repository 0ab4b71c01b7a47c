package me.wolfeo.sequences.local;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tokens of the services' calls to each other's internal APIs: one per calling service, made at random at each
 * start of the platform (never written down), and each service's environment with its own token and the tokens of
 * the services that call it.
 */
final class InternalTokens {

    /** The services whose internal API each calling service reads (their REST clients). */
    private static final Map<String, List<String>> CALLS = Map.of(
            "gateway-service", List.of("sequence-service", "enrollment-service", "content-service"),
            "sequence-service", List.of("content-service"),
            "enrollment-service", List.of("sequence-service", "content-service"),
            "content-service", List.of("sequence-service"));

    private final Map<String, String> tokenOfCaller;

    private InternalTokens(Map<String, String> tokenOfCaller) {
        this.tokenOfCaller = tokenOfCaller;
    }

    static InternalTokens generate() {
        SecureRandom random = new SecureRandom();
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String module : CALLS.keySet()) {
            byte[] secret = new byte[32];
            random.nextBytes(secret);
            tokens.put(callerName(module), "svc_" + HexFormat.of().formatHex(secret));
        }
        return new InternalTokens(tokens);
    }

    /** The name a service calls under, as the services' {@code platform.internal-api.callers} know it. */
    static String callerName(String module) {
        return module.equals("gateway-service") ? "gateway" : module;
    }

    /** The token of a caller ({@code gateway}, {@code sequence-service}, ...). */
    String tokenOf(String caller) {
        String token = tokenOfCaller.get(caller);
        if (token == null) {
            throw new IllegalArgumentException("No caller " + caller + "; callers: " + tokenOfCaller.keySet());
        }
        return token;
    }

    /** PLATFORM_INTERNAL_API_TOKEN and one PLATFORM_INTERNAL_API_CALLERS_<NAME> per service that calls this one. */
    Map<String, String> environmentOf(String module) {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("PLATFORM_INTERNAL_API_TOKEN", tokenOf(callerName(module)));
        CALLS.forEach((caller, called) -> {
            if (called.contains(module)) {
                String name = callerName(caller);
                environment.put("PLATFORM_INTERNAL_API_CALLERS_" + name.toUpperCase().replace('-', '_'),
                        tokenOf(name));
            }
        });
        return environment;
    }
}
