package me.wolfeo.sequences.systemtests;

import static me.wolfeo.sequences.systemtests.FieldRule.choice;
import static me.wolfeo.sequences.systemtests.FieldRule.credential;
import static me.wolfeo.sequences.systemtests.FieldRule.crmId;
import static me.wolfeo.sequences.systemtests.FieldRule.givenString;
import static me.wolfeo.sequences.systemtests.FieldRule.html;
import static me.wolfeo.sequences.systemtests.FieldRule.id;
import static me.wolfeo.sequences.systemtests.FieldRule.leftOut;
import static me.wolfeo.sequences.systemtests.FieldRule.multilineText;
import static me.wolfeo.sequences.systemtests.FieldRule.optionalBoolean;
import static me.wolfeo.sequences.systemtests.FieldRule.optionalEmail;
import static me.wolfeo.sequences.systemtests.FieldRule.optionalFormatted;
import static me.wolfeo.sequences.systemtests.FieldRule.optionalInteger;
import static me.wolfeo.sequences.systemtests.FieldRule.optionalIntegerChoice;
import static me.wolfeo.sequences.systemtests.FieldRule.optionalPhone;
import static me.wolfeo.sequences.systemtests.FieldRule.optionalString;
import static me.wolfeo.sequences.systemtests.FieldRule.requiredBoolean;
import static me.wolfeo.sequences.systemtests.FieldRule.requiredString;

import java.util.List;

/**
 * Every public endpoint (README: sequences-api.txt's routes and the three configuration routes, the progress
 * routes, the contact routes, the two webhooks, the admin API), each with a valid request aimed at the
 * {@link HostileTargets} and the rule of each of its fields. Listed so that sending the valid requests in this
 * order works: reads first, the contact's reply after the webhooks (it ends the enrollment they work on), the
 * deletions last.
 */
final class HostileEndpoints {

    private static final String MISSING = Endpoint.MISSING_ID;

    private HostileEndpoints() {
    }

    static List<Endpoint> of(HostileTargets t) {
        String token = t.account().token();
        String adminKey = Platform.get().adminKey();
        String sequence = Long.toString(t.sequenceId());
        String contact = Long.toString(t.contactId());
        HostileTargets.Owned stranger = t.stranger();
        return List.of(
                Endpoint.rest("GET", "/v1/sequences", token)
                        .queryParameter("page", "1", optionalInteger(1, Integer.MAX_VALUE))
                        .queryParameter("per_page", "10", optionalInteger(1, 100)),
                Endpoint.rest("GET", "/v1/sequence", token)
                        .queryParameter("sequence_id", sequence, id())
                        .foreignQueryId("sequence_id", Long.toString(stranger.sequenceId())),
                Endpoint.rest("GET", "/v1/sequences-contacts", token)
                        .queryParameter("sequence_id", sequence, id())
                        .queryParameter("page", "1", optionalInteger(1, Integer.MAX_VALUE))
                        .queryParameter("per_page", "10", optionalInteger(1, 100))
                        .foreignQueryId("sequence_id", Long.toString(stranger.sequenceId())),
                Endpoint.rest("GET", "/v1/contacts-sequences", token)
                        .queryParameter("contact_id", contact, id())
                        .absentQueryParameter("email", optionalEmail())
                        .foreignQueryId("contact_id", Long.toString(stranger.contactId())),
                Endpoint.rest("GET", "/v1/contact-sequence", token)
                        .queryParameter("contact_id", contact, id())
                        .queryParameter("sequence_id", sequence, id())
                        .foreignQueryId("contact_id", Long.toString(stranger.contactId()))
                        .foreignQueryId("sequence_id", Long.toString(stranger.sequenceId())),
                Endpoint.rest("POST", "/v1/sequence", token)
                        .field("name", "\"Hostile probe\"", requiredString("Hostile probe"))
                        .field("type", "\"normal\"", choice("normal", true)),
                Endpoint.rest("PUT", "/v1/sequence", token)
                        .field("sequence_id", sequence, id())
                        .field("name", "\"Kept\"", givenString("Kept"))
                        .field("paused", "false", optionalBoolean())
                        .foreignId("sequence_id", Long.toString(stranger.sequenceId()), MISSING),
                Endpoint.rest("POST", "/v1/sequence-stage", token)
                        .field("sequence_id", sequence, id())
                        .field("name", "\"Probe stage\"", optionalString("Probe stage", FieldRule.NAME_MAX))
                        .field("stage_type", "\"action\"", choice("action", true))
                        .field("time_value", "1", optionalInteger(0, 1000))
                        .field("time_type", "3600", optionalIntegerChoice())
                        .foreignId("sequence_id", Long.toString(stranger.sequenceId()), MISSING),
                Endpoint.rest("PUT", "/v1/sequence-stage", token)
                        .field("stage_id", Long.toString(t.emailStageId()), id())
                        .field("name", "\"Step 1\"", givenString("Step 1"))
                        .field("time_value", "1", optionalInteger(0, 1000))
                        .field("time_type", "86400", optionalIntegerChoice())
                        .field("active", "false", optionalBoolean())
                        .foreignId("stage_id", Long.toString(stranger.emailStageId()), MISSING),
                Endpoint.rest("PUT", "/v1/sequence-stage-sms", token)
                        .field("stage_id", Long.toString(t.smsStageId()), id())
                        .field("text", "\"Hi {{first_name|there}}\"", multilineText("Hi there", 1600))
                        .foreignId("stage_id", Long.toString(stranger.smsStageId()), MISSING),
                Endpoint.rest("PUT", "/v1/sequence-stage-content", token)
                        .field("stage_id", Long.toString(t.emailStageId()), id())
                        .field("html", "\"<p>Kept</p>\"", html())
                        .field("subject", "\"Kept\"", optionalString("Kept", FieldRule.NAME_MAX))
                        .field("from_name", "\"Kept\"", optionalString("Kept", FieldRule.NAME_MAX))
                        .field("from_email", "\"kept@example.com\"", optionalEmail())
                        .foreignId("stage_id", Long.toString(stranger.emailStageId()), MISSING),
                Endpoint.rest("PUT", "/v1/contact-sequence", token)
                        .field("contact_id", contact, id())
                        .field("sequence_id", sequence, id())
                        .field("paused", "true", requiredBoolean())
                        .foreignId("contact_id", Long.toString(stranger.contactId()), MISSING)
                        .foreignId("sequence_id", Long.toString(stranger.sequenceId()), MISSING),
                Endpoint.rest("PUT", "/v1/contact", token)
                        .field("contact_id", contact, id())
                        .field("timezone", "\"Europe/Dublin\"", optionalFormatted("Europe/Dublin", 64))
                        .field("opted_out", "false", optionalBoolean())
                        .field("email", "\"probe@example.com\"", optionalEmail())
                        .field("first_name", "\"Probe\"", optionalString("Probe", FieldRule.NAME_MAX))
                        .field("last_name", "\"Contact\"", optionalString("Contact", FieldRule.NAME_MAX))
                        .foreignId("contact_id", Long.toString(stranger.contactId()), MISSING),
                Endpoint.webhook("/api/v1/webhook/sequence-enroll")
                        .field("api_token", Json.quote(token), credential(token))
                        .field("sequence_id", sequence, id())
                        .field("force_enroll", "false", optionalBoolean())
                        .field("source", "\"hubspot\"", choice("hubspot", false))
                        .field("id", "\"probe-1\"", crmId())
                        .field("phone_number", "\"8181234567\"", optionalPhone())
                        .field("email", "\"probe@example.com\"", optionalEmail())
                        .field("first_name", "\"Probe\"", optionalString("Probe", FieldRule.NAME_MAX))
                        .field("last_name", "\"Contact\"", optionalString("Contact", FieldRule.NAME_MAX))
                        .foreignId("sequence_id", Long.toString(stranger.sequenceId()), MISSING),
                Endpoint.webhook("/api/v1/webhook/sequence-disenroll")
                        .field("api_token", Json.quote(token), credential(token))
                        .field("source", "\"hubspot\"", choice("hubspot", false))
                        .field("id", Json.quote(t.contactCrmId()), crmId())
                        .absentField("phone_number", optionalPhone())
                        .foreignId("id", Json.quote(stranger.contactCrmId()), "\"nobody-has-this-id\""),
                // The contact named by its id (no other way to name it may be given beside it), then by its CRM id.
                Endpoint.rest("POST", "/v1/contact-activity", token)
                        .field("contact_id", contact, id())
                        .field("type", "\"replied\"", choice("replied", false))
                        .field("occurred_at", "\"2026-11-23T12:00:00Z\"",
                                optionalFormatted("2026-11-23T12:00:00Z", 64))
                        .absentField("source", leftOut("hubspot", FieldRule.NAME_MAX))
                        .absentField("id", leftOut("kept-1", 64))
                        .absentField("phone_number", leftOut("8181234567", 40))
                        .foreignId("contact_id", Long.toString(stranger.contactId()), MISSING),
                Endpoint.rest("POST", "/v1/contact-activity", token)
                        .field("source", "\"hubspot\"", choice("hubspot", false))
                        .field("id", Json.quote(t.contactCrmId()), crmId())
                        .field("type", "\"replied\"", choice("replied", false))
                        .foreignId("id", Json.quote(stranger.contactCrmId()), "\"nobody-has-this-id\""),
                Endpoint.admin("POST", "/admin/v1/accounts", adminKey)
                        .field("name", "\"Hostile probe\"", requiredString("Hostile probe")),
                Endpoint.admin("POST", "/admin/v1/accounts/{id}/tokens", adminKey)
                        .pathParameter(Long.toString(t.account().id())),
                Endpoint.admin("GET", "/admin/v1/accounts/{id}/rate-limits", adminKey)
                        .pathParameter(Long.toString(t.account().id())),
                Endpoint.admin("PUT", "/admin/v1/accounts/{id}/rate-limits", adminKey)
                        .pathParameter(Long.toString(t.account().id()))
                        .field("rest_requests_per_minute", "1000000", optionalInteger(1, 1_000_000))
                        .field("webhook_requests_per_minute", "1000000", optionalInteger(1, 1_000_000)),
                Endpoint.admin("GET", "/admin/v1/accounts/{id}/sending-limits", adminKey)
                        .pathParameter(Long.toString(t.account().id())),
                Endpoint.admin("PUT", "/admin/v1/accounts/{id}/sending-limits", adminKey)
                        .pathParameter(Long.toString(t.account().id()))
                        .field("emails_per_sender_per_day", "10000000", optionalInteger(1, 10_000_000)),
                Endpoint.rest("DELETE", "/v1/sequence-stage", token)
                        .field("stage_id", Long.toString(t.emailStageId()), id())
                        .foreignId("stage_id", Long.toString(stranger.emailStageId()), MISSING),
                Endpoint.rest("DELETE", "/v1/sequence", token)
                        .field("sequence_id", sequence, id())
                        .foreignId("sequence_id", Long.toString(stranger.sequenceId()), MISSING),
                Endpoint.admin("DELETE", "/admin/v1/tokens/{id}", adminKey)
                        .pathParameter(Long.toString(t.spareTokenId())));
    }
}
