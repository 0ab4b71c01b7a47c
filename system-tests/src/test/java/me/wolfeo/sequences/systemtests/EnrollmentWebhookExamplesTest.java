package me.wolfeo.sequences.systemtests;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.response.ValidatableResponse;

/**
 * The examples of enrollment-webhook-api.txt, with the documented headers, bodies, statuses and messages (the
 * token and the sequence id are this platform's), and the two listings of sequences-api.txt.
 */
class EnrollmentWebhookExamplesTest {

    private Platform.Account account;
    private long sequenceId;

    @BeforeEach
    void accountWithASequence() {
        account = Platform.newAccount("Webhooks");
        sequenceId = Fixtures.sequence(account, "Welcome Series");
    }

    private ValidatableResponse post(String path, String body) {
        return Platform.anonymous()
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .body(body)
                .when().post(path)
                .then();
    }

    private ValidatableResponse enroll(String body) {
        return post("/api/v1/webhook/sequence-enroll", body);
    }

    @Test
    void enrollTheExamplePostBody() {
        enroll("""
                {
                "api_token": "%s",
                "sequence_id": "%d",
                "force_enroll": true,
                "source": "hubspot",
                "id": 311,
                "phone_number": "8181234567"
                }""".formatted(account.token(), sequenceId))
                .statusCode(200)
                .body("message", equalTo("Contact is successfully enrolled in the sequence."))
                .body("size()", equalTo(1));
    }

    @Test
    void enrollTheCurlExampleThenRefuseTheSecondEnrollmentWithoutForce() {
        String curlBody = """
                {
                "api_token": "%s",
                "sequence_id": "%d",
                "force_enroll": true,
                "source": "aloware",
                "id": 142231
                }""".formatted(account.token(), sequenceId);
        enroll(curlBody).statusCode(200)
                .body("message", equalTo("Contact is successfully enrolled in the sequence."));

        enroll(curlBody.replace("\"force_enroll\": true,", "")).statusCode(400)
                .body("message", equalTo("Contact is already enrolled in a sequence."))
                .body("size()", equalTo(1));
    }

    @Test
    void forceEnrollMovesTheContactToTheNewSequence() {
        long other = Fixtures.sequence(account, "Other");
        Fixtures.enrollHubspot(account, sequenceId, "7", false);

        enroll("{\"api_token\": \"%s\", \"sequence_id\": %d, \"force_enroll\": true, \"source\": \"hubspot\", \"id\": 7}"
                .formatted(account.token(), other)).statusCode(200);

        long contactId = contactOf(other);
        Platform.as(account).queryParam("contact_id", contactId).when().get("/v1/contacts-sequences")
                .then().statusCode(200).body("data.id", contains((int) other));
    }

    @Test
    void enrollByPhoneNumberFindsTheContactThatACrmEnrollmentGaveThatPhone() {
        enroll("""
                {"api_token": "%s", "sequence_id": %d, "source": "hubspot", "id": 311, "phone_number": "8181234567"}"""
                .formatted(account.token(), sequenceId)).statusCode(200);

        enroll("""
                {"api_token": "%s", "sequence_id": %d, "source": "phone_number", "phone_number": "+1 (818) 123-4567"}"""
                .formatted(account.token(), sequenceId))
                .statusCode(400).body("message", equalTo("Contact is already enrolled in a sequence."));
    }

    @Test
    void disenrollTheCurlExample() {
        Fixtures.enrollHubspot(account, sequenceId, "311", false);
        enroll("{\"api_token\": \"%s\", \"sequence_id\": %d, \"source\": \"aloware\", \"id\": 142231}"
                .formatted(account.token(), sequenceId)).statusCode(200);

        post("/api/v1/webhook/sequence-disenroll", """
                {
                "api_token": "%s",
                "source": "aloware",
                "id": 142231
                }""".formatted(account.token()))
                .statusCode(200)
                .body("message", equalTo("Contact is disenrolled from all sequences."));

        Platform.as(account).queryParam("sequence_id", sequenceId).when().get("/v1/sequences-contacts")
                .then().statusCode(200).body("meta.total", equalTo(1));
    }

    @Test
    void disenrollTheExamplePostBody() {
        Fixtures.enrollHubspot(account, sequenceId, "311", false);

        post("/api/v1/webhook/sequence-disenroll", """
                {
                "api_token": "%s",
                "source": "hubspot",
                "id": 311,
                "phone_number": "8181234567"
                }""".formatted(account.token()))
                .statusCode(200)
                .body("message", equalTo("Contact is disenrolled from all sequences."));
        Platform.as(account).queryParam("sequence_id", sequenceId).when().get("/v1/sequences-contacts")
                .then().statusCode(200).body("data", empty());
    }

    @Test
    void anUnknownSequenceOrAnotherAccountsSequenceIsNotFound() {
        long foreign = Fixtures.sequence(Platform.newAccount("Stranger"), "Not yours");

        enroll("{\"api_token\": \"%s\", \"sequence_id\": %d, \"source\": \"hubspot\", \"id\": 1}"
                .formatted(account.token(), foreign))
                .statusCode(404).body("message", equalTo("Sequence not found."));
        enroll("{\"api_token\": \"%s\", \"sequence_id\": 987654321, \"source\": \"hubspot\", \"id\": 1}"
                .formatted(account.token()))
                .statusCode(404).body("message", equalTo("Sequence not found."));
    }

    @Test
    void disenrollingAnUnknownContactIsNotFound() {
        post("/api/v1/webhook/sequence-disenroll",
                "{\"api_token\": \"%s\", \"source\": \"zoho\", \"id\": 404}".formatted(account.token()))
                .statusCode(404).body("message", equalTo("Contact not found."));
    }

    @Test
    void getAContactsSequencesByIdAndByEmail() {
        enroll("""
                {"api_token": "%s", "sequence_id": %d, "source": "pipedrive", "id": 55,
                 "email": "first_contact@wolfeo.ie", "first_name": "First", "last_name": "Contact"}"""
                .formatted(account.token(), sequenceId)).statusCode(200);
        long contactId = contactOf(sequenceId);

        Platform.as(account)
                .when().get("/v1/contacts-sequences?contact_id=" + contactId)
                .then().statusCode(200)
                .body("success", equalTo(true))
                .body("data.id", contains((int) sequenceId))
                .body("data[0].name", equalTo("Welcome Series"))
                .body("data[0]", hasKey("created_at"));
        Platform.as(account)
                .when().get("/v1/contacts-sequences?email=first_contact@wolfeo.ie")
                .then().statusCode(200).body("data.id", contains((int) sequenceId));
    }

    @Test
    void getASequencesContacts() {
        enroll("""
                {"api_token": "%s", "sequence_id": %d, "source": "zoho", "id": "1",
                 "email": "first_contact@wolfeo.ie", "first_name": "First", "last_name": "Contact"}"""
                .formatted(account.token(), sequenceId)).statusCode(200);
        enroll("""
                {"api_token": "%s", "sequence_id": %d, "source": "zoho", "id": "2",
                 "email": "second_contact@wolfeo.ie", "first_name": "Second", "last_name": "Contact"}"""
                .formatted(account.token(), sequenceId)).statusCode(200);

        Platform.as(account)
                .when().get("/v1/sequences-contacts?sequence_id=" + sequenceId)
                .then().statusCode(200)
                .body("success", equalTo(true))
                .body("data.email", contains("first_contact@wolfeo.ie", "second_contact@wolfeo.ie"))
                .body("data.first_name", contains("First", "Second"))
                .body("data.last_name", contains("Contact", "Contact"))
                .body("data[0].size()", equalTo(4))
                .body("meta.current_page", equalTo(1))
                .body("meta.last_page", equalTo(1))
                .body("meta.per_page", equalTo(50))
                .body("meta.total", equalTo(2));
        Platform.as(account).queryParam("sequence_id", sequenceId).queryParam("per_page", 1).queryParam("page", 2)
                .when().get("/v1/sequences-contacts")
                .then().statusCode(200).body("data.email", contains("second_contact@wolfeo.ie"))
                .body("meta.last_page", equalTo(2));
    }

    /** The id of the one contact enrolled in the sequence, as the listing gives it. */
    private long contactOf(long sequence) {
        return ((Number) Platform.as(account).queryParam("sequence_id", sequence)
                .when().get("/v1/sequences-contacts")
                .then().statusCode(200).body("meta.total", equalTo(1)).extract().path("data[0].id")).longValue();
    }
}
