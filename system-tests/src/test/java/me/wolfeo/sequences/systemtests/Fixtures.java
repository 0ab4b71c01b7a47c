package me.wolfeo.sequences.systemtests;

import io.restassured.http.ContentType;

/** Short ways to make the data a test starts from, through the public API. */
public final class Fixtures {

    private Fixtures() {
    }

    public static long sequence(Platform.Account account, String name) {
        return ((Number) Platform.as(account).contentType(ContentType.JSON)
                .body("{\"name\": \"" + name + "\"}")
                .when().post("/v1/sequence")
                .then().statusCode(201).extract().path("data.id")).longValue();
    }

    public static long stage(Platform.Account account, long sequenceId, String stageType) {
        return ((Number) Platform.as(account).contentType(ContentType.JSON)
                .body("{\"sequence_id\": " + sequenceId + ", \"stage_type\": \"" + stageType + "\"}")
                .when().post("/v1/sequence-stage")
                .then().statusCode(201).extract().path("data.id")).longValue();
    }

    /** Sets an email stage's HTML; returns path_to_email. */
    public static String content(Platform.Account account, long stageId, String html) {
        return Platform.as(account).contentType(ContentType.JSON)
                .body("{\"stage_id\": " + stageId + ", \"html\": \"" + html + "\"}")
                .when().put("/v1/sequence-stage-content")
                .then().statusCode(200).extract().path("data.path_to_email");
    }

    /** Enrolls the contact with this HubSpot id through the webhook; returns the HTTP status. */
    public static int enrollHubspot(Platform.Account account, long sequenceId, String hubspotId, boolean force) {
        return Platform.anonymous().contentType(ContentType.JSON)
                .body("{\"api_token\": \"" + account.token() + "\", \"sequence_id\": " + sequenceId
                        + ", \"force_enroll\": " + force + ", \"source\": \"hubspot\", \"id\": \"" + hubspotId + "\"}")
                .when().post("/api/v1/webhook/sequence-enroll")
                .then().extract().statusCode();
    }
}
