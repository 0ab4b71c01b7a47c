package me.wolfeo.sequences.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;

/**
 * What the sweep aims at, made through the public API: an account with a sequence, an email stage (with content),
 * an SMS stage (with text), an enrolled contact and a spare token; and a stranger, another account with the same,
 * whose ids the first account must not be able to tell from ids that do not exist.
 */
record HostileTargets(Platform.Account account, long sequenceId, long emailStageId, long smsStageId, long contactId,
        String contactCrmId, long spareTokenId, Owned stranger) {

    /** Another account's ids. */
    record Owned(long sequenceId, long emailStageId, long smsStageId, long contactId, String contactCrmId) {
    }

    static HostileTargets create(String name) {
        Platform.Account account = Platform.newAccount(name);
        // The sweep sends well over the default REST limit per token in a minute; what is tested is the input.
        Platform.anonymous().header("X-Admin-Key", Platform.get().adminKey()).contentType(ContentType.JSON)
                .body("{\"rest_requests_per_minute\": 1000000, \"webhook_requests_per_minute\": 1000000}")
                .when().put("/admin/v1/accounts/" + account.id() + "/rate-limits").then().statusCode(200);
        Owned own = ownedBy(account, "kept");
        long spareTokenId = ((Number) Platform.anonymous().header("X-Admin-Key", Platform.get().adminKey())
                .when().post("/admin/v1/accounts/" + account.id() + "/tokens")
                .then().statusCode(201).extract().path("data.id")).longValue();
        Owned stranger = ownedBy(Platform.newAccount(name + " stranger"), "stranger");
        return new HostileTargets(account, own.sequenceId(), own.emailStageId(), own.smsStageId(), own.contactId(),
                own.contactCrmId(), spareTokenId, stranger);
    }

    private static Owned ownedBy(Platform.Account account, String crmId) {
        long sequenceId = Fixtures.sequence(account, "Kept");
        long emailStageId = Fixtures.stage(account, sequenceId, "send_email");
        Fixtures.content(account, emailStageId, "<p>Kept</p>");
        long smsStageId = Fixtures.stage(account, sequenceId, "send_sms");
        Platform.as(account).contentType(ContentType.JSON)
                .body("{\"stage_id\": " + smsStageId + ", \"text\": \"Kept\"}")
                .when().put("/v1/sequence-stage-sms").then().statusCode(200);
        assertThat(Fixtures.enrollHubspot(account, sequenceId, crmId, false)).isEqualTo(200);
        long contactId = ((Number) Platform.as(account).queryParam("sequence_id", sequenceId)
                .when().get("/v1/sequences-contacts").then().statusCode(200).extract().path("data[0].id"))
                .longValue();
        return new Owned(sequenceId, emailStageId, smsStageId, contactId, crmId);
    }
}
