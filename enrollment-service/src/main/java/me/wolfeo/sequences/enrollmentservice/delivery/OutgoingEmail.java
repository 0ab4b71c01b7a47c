package me.wolfeo.sequences.enrollmentservice.delivery;

/** One email as a step sends it, placeholders filled. */
public record OutgoingEmail(String messageId, String fromName, String fromAddress, String to, String subject,
        String html) {
}
