package me.wolfeo.sequences.enrollmentservice.engine;

/**
 * The keys a step's side effect carries, derived from (enrollment, stage) only: every attempt of a step, and a
 * retry after a crash, is the same message to the mail server, the SMS provider and the action's consumers.
 */
final class DeliveryIds {

    private DeliveryIds() {
    }

    static String emailMessageId(long enrollmentId, long stageId, String domain) {
        return "<enrollment-" + enrollmentId + ".stage-" + stageId + "@" + domain + ">";
    }

    static String smsIdempotencyToken(long enrollmentId, long stageId) {
        return "enrollment-" + enrollmentId + "-stage-" + stageId;
    }

    static String actionId(long enrollmentId, long stageId) {
        return "enrollment-" + enrollmentId + "-stage-" + stageId;
    }
}
