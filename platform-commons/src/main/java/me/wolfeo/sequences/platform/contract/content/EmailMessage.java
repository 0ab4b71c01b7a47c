package me.wolfeo.sequences.platform.contract.content;

/**
 * What a {@code send_email} stage sends, as content-service's read API gives it: the subject, the sender and the
 * HTML body, placeholders not yet filled. {@code html} is null until content is uploaded.
 */
public record EmailMessage(long emailId, long stageId, String subject, String fromName, String fromEmail,
        String html) {
}
