package me.wolfeo.sequences.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class InternalTokensTest {

    private final InternalTokens tokens = InternalTokens.generate();

    @Test
    void eachServiceAcceptsTheTokensOfExactlyTheServicesThatCallIt() {
        assertThat(tokens.environmentOf("sequence-service")).containsOnlyKeys("PLATFORM_INTERNAL_API_TOKEN",
                "PLATFORM_INTERNAL_API_CALLERS_GATEWAY", "PLATFORM_INTERNAL_API_CALLERS_ENROLLMENT_SERVICE",
                "PLATFORM_INTERNAL_API_CALLERS_CONTENT_SERVICE");
        assertThat(tokens.environmentOf("enrollment-service")).containsOnlyKeys("PLATFORM_INTERNAL_API_TOKEN",
                "PLATFORM_INTERNAL_API_CALLERS_GATEWAY");
        assertThat(tokens.environmentOf("content-service")).containsOnlyKeys("PLATFORM_INTERNAL_API_TOKEN",
                "PLATFORM_INTERNAL_API_CALLERS_GATEWAY", "PLATFORM_INTERNAL_API_CALLERS_SEQUENCE_SERVICE",
                "PLATFORM_INTERNAL_API_CALLERS_ENROLLMENT_SERVICE");
        assertThat(tokens.environmentOf("gateway-service")).containsOnlyKeys("PLATFORM_INTERNAL_API_TOKEN");
    }

    @Test
    void aServiceAcceptsTheTokenItsCallerSends() {
        Map<String, String> sequenceService = tokens.environmentOf("sequence-service");
        assertThat(sequenceService.get("PLATFORM_INTERNAL_API_CALLERS_GATEWAY"))
                .isEqualTo(tokens.environmentOf("gateway-service").get("PLATFORM_INTERNAL_API_TOKEN"))
                .isEqualTo(tokens.tokenOf("gateway"));
        assertThat(sequenceService.get("PLATFORM_INTERNAL_API_CALLERS_CONTENT_SERVICE"))
                .isEqualTo(tokens.environmentOf("content-service").get("PLATFORM_INTERNAL_API_TOKEN"));
    }

    @Test
    void everyCallerHasATokenOfItsOwnMadeAnewAtEachStart() {
        assertThat(List.of("gateway", "sequence-service", "enrollment-service", "content-service").stream()
                .map(tokens::tokenOf).distinct()).hasSize(4);
        assertThat(InternalTokens.generate().tokenOf("gateway")).isNotEqualTo(tokens.tokenOf("gateway"))
                .hasSizeGreaterThanOrEqualTo(64);
    }
}
