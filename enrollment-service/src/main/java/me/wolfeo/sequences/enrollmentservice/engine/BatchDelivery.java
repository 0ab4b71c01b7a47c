package me.wolfeo.sequences.enrollmentservice.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import me.wolfeo.sequences.enrollmentservice.delivery.EmailSender;
import me.wolfeo.sequences.platform.contract.content.EmailMessage;
import me.wolfeo.sequences.platform.http.Lookups;
import me.wolfeo.sequences.platform.internalapi.ContentServiceClient;

/**
 * The delivery state of one claimed batch: one SMTP connection, each stage's email content read once, the senders'
 * daily caps, and what is known to be down, so that once a provider fails every later step of the batch waits for a retry at once instead
 * of each waiting for its own time-out.
 */
final class BatchDelivery implements AutoCloseable {

    private final ContentServiceClient content;
    private final EmailSender.Connection smtp;
    private final SenderSends senders;
    private final Map<String, Optional<EmailMessage>> emails = new HashMap<>();
    String emailDown;
    String smsDown;
    String contentDown;

    BatchDelivery(ContentServiceClient content, EmailSender.Connection smtp, SenderSends senders) {
        this.content = content;
        this.smtp = smtp;
        this.senders = senders;
    }

    EmailSender.Connection smtp() {
        return smtp;
    }

    /** The emails each sender address may still send today. */
    SenderSends senders() {
        return senders;
    }

    /** The stage's email content; empty when it has none. Throws when content-service cannot answer. */
    Optional<EmailMessage> emailOf(long accountId, long stageId) {
        String key = accountId + "/" + stageId;
        Optional<EmailMessage> known = emails.get(key);
        if (known == null) {
            try {
                known = Lookups.orEmptyIfNotFound(() -> content.emailMessage(accountId, stageId));
            } catch (ProcessingException | WebApplicationException e) {
                contentDown = "content-service cannot answer: " + me.wolfeo.sequences.platform.Failures.describe(e);
                throw e;
            }
            emails.put(key, known);
        }
        return known;
    }

    @Override
    public void close() {
        smtp.close();
    }
}
