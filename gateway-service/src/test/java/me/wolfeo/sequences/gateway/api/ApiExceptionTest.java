package me.wolfeo.sequences.gateway.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import me.wolfeo.sequences.platform.messaging.ErrorCodes;
import me.wolfeo.sequences.platform.messaging.Problem;

/** A service's refusal becomes the HTTP status of its code. */
class ApiExceptionTest {

    @Test
    void aStageThatIsNotReadyOrNotAnSmsStageIsUnprocessable() {
        assertThat(ApiException.of(Problem.of(ErrorCodes.STAGE_NOT_READY, "not ready")).status()).isEqualTo(422);
        assertThat(ApiException.of(Problem.of(ErrorCodes.STAGE_NOT_SMS, "not sms")).status()).isEqualTo(422);
        assertThat(ApiException.of(Problem.of(ErrorCodes.STAGE_NOT_EMAIL, "not email")).status()).isEqualTo(422);
    }

    @Test
    void anEnrollOfAContactThatOptedOutIsUnprocessable() {
        assertThat(ApiException.of(Problem.of(ErrorCodes.CONTACT_OPTED_OUT, "opted out")).status()).isEqualTo(422);
    }

    @Test
    void theRefusalKeepsItsCodeAndMessage() {
        ApiException refusal = ApiException.of(Problem.of(ErrorCodes.STAGE_NOT_READY,
                "The stage cannot be activated before it has SMS text."));

        assertThat(refusal.code()).isEqualTo("STAGE_NOT_READY");
        assertThat(refusal.getMessage()).isEqualTo("The stage cannot be activated before it has SMS text.");
    }
}
