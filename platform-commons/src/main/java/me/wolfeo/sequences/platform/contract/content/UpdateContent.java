package me.wolfeo.sequences.platform.contract.content;

/** Sets the HTML body of a send_email stage's email and, when given, its subject and sender. */
public record UpdateContent(Long stageId, String html, String subject, String fromName, String fromEmail) {
}
