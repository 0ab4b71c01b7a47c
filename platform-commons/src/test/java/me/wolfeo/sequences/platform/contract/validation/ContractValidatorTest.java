package me.wolfeo.sequences.platform.contract.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import me.wolfeo.sequences.platform.CommonsTestApplication;
import me.wolfeo.sequences.platform.contract.contact.RecordActivity;
import me.wolfeo.sequences.platform.contract.enrollment.Enroll;
import me.wolfeo.sequences.platform.contract.sequence.CreateStage;
import me.wolfeo.sequences.platform.contract.sequence.UpdateSequence;
import me.wolfeo.sequences.platform.messaging.CommandRejectedException;

/** The rules declared on the contract records, as the gateway and the services check them. */
@QuarkusTest
@TestProfile(CommonsTestApplication.class)
class ContractValidatorTest {

    @Inject
    ContractValidator validator;

    @Test
    void aCommandThatKeepsEveryRuleHasNoProblem() {
        Enroll enroll = new Enroll(7L, false, "hubspot", "1234", "+1 555 0100", "ada@example.com", "Ada",
                "Lovelace", "Europe/London");

        assertThat(validator.problems(enroll)).isEmpty();
        assertThat(validator.checked(enroll)).isSameAs(enroll);
    }

    @Test
    void eachFieldNamesItsFirstBrokenRuleInTheOrderTheRulesAreWritten() {
        Enroll enroll = new Enroll(null, false, "hubspot", "x\u0000".repeat(40), null, "not-an-email", null, null,
                "Mars/Olympus");

        assertThat(validator.problems(enroll)).containsExactly(
                Map.entry("sequence_id", List.of("The sequence id field is required.")),
                Map.entry("id", List.of("The id field must not contain control characters or invalid Unicode.")),
                Map.entry("email", List.of("The email field must be a valid email address.")),
                Map.entry("timezone", List.of("The timezone field must be a valid timezone.")));
    }

    @Test
    void aSourceNamesTheFieldItNeeds() {
        assertThat(validator.problems(new Enroll(1L, null, "zoho", " ", null, null, null, null)))
                .containsExactly(Map.entry("id", List.of("The id field is required when source is zoho.")));
        assertThat(validator.problems(new Enroll(1L, null, "phone_number", null, null, null, null, null)))
                .containsExactly(Map.entry("phone_number",
                        List.of("The phone number field is required when source is phone_number.")));
        assertThat(validator.problems(new Enroll(1L, null, "myspace", "1", null, null, null, null)))
                .containsExactly(Map.entry("source", List.of("The selected source is invalid.")));
    }

    @Test
    void aContactIsNamedByExactlyOneReference() {
        String oneReference = "Give exactly one of contact_id, source (with id or phone_number) or phone_number.";

        assertThat(validator.problems(new RecordActivity(5L, null, null, "+15550100", "replied", null)))
                .containsExactly(Map.entry("contact_id", List.of(oneReference)));
        assertThat(validator.problems(new RecordActivity(null, null, null, null, "replied", null)))
                .containsExactly(Map.entry("contact_id", List.of(oneReference)));
        assertThat(validator.problems(new RecordActivity(null, null, "42", null, "replied", null)))
                .containsExactly(Map.entry("source", List.of("The source field is required.")));
        assertThat(validator.problems(new RecordActivity(null, null, null, "+15550100", "replied", "yesterday")))
                .containsExactly(Map.entry("occurred_at",
                        List.of("The occurred at field must be an ISO-8601 instant, such as 2026-11-23T12:00:00Z.")));
    }

    @Test
    void integerFieldsKeepTheirBoundsAndChoices() {
        assertThat(validator.problems(new CreateStage(1L, null, "send_fax", 1001, 60))).containsExactly(
                Map.entry("stage_type", List.of("The selected stage type is invalid.")),
                Map.entry("time_value", List.of("The time value field must not be greater than 1000.")),
                Map.entry("time_type", List.of("The selected time type is invalid.")));
        assertThat(validator.problems(new CreateStage(1L, null, null, -1, 604800)))
                .containsExactly(Map.entry("time_value", List.of("The time value field must be at least 0.")));
    }

    @Test
    void aScheduleReportsEachProblemAtItsOwnPathWithTheClientsTextNeverReadAsATemplate() throws Exception {
        var schedule = new ObjectMapper().readTree("{\"${1+1}{field}\": 1, \"days\": \"sometimes\"}");

        Map<String, List<String>> problems = validator.problems(new UpdateSequence(1L, null, null, schedule, null,
                null));

        assertThat(problems).containsOnlyKeys("schedule.${1+1}{field}", "schedule.days");
        assertThat(problems.get("schedule.${1+1}{field}"))
                .containsExactly("The schedule.${1+1}{field} field is not allowed.");
    }

    @Test
    void aBrokenCommandIsRefusedWithEveryProblemAndTheFirstAsItsMessage() {
        assertThatThrownBy(() -> validator.checked(new UpdateSequence(null, " ", null)))
                .isInstanceOfSatisfying(CommandRejectedException.class, refused -> {
                    assertThat(refused.problem().code()).isEqualTo("VALIDATION_ERROR");
                    assertThat(refused.problem().message()).isEqualTo("The sequence id field is required.");
                    assertThat(refused.problem().details()).containsOnlyKeys("sequence_id", "name");
                });
    }
}
