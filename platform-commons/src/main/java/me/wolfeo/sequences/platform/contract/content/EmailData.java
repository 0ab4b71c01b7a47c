package me.wolfeo.sequences.platform.contract.content;

/** An email record of content-service, in its events. {@code pathToEmail} is null until HTML is uploaded. */
public record EmailData(long emailId, long stageId, long sequenceId, String subject, String fromName,
        String fromEmail, String pathToEmail) {
}
