package me.wolfeo.sequences.contentservice.content;

import jakarta.enterprise.context.ApplicationScoped;

import me.wolfeo.sequences.platform.contract.Topics;
import me.wolfeo.sequences.platform.contract.content.ContentMessageTypes;
import me.wolfeo.sequences.platform.contract.content.EmailData;
import me.wolfeo.sequences.platform.messaging.Envelope;
import me.wolfeo.sequences.platform.messaging.MessageCodec;
import me.wolfeo.sequences.platform.messaging.outbox.Outbox;

/** Writes the email events to the outbox, keyed by email id. */
@ApplicationScoped
public class EmailEvents {

    private final Outbox outbox;
    private final MessageCodec codec;
    private final EmailStorage storage;

    public EmailEvents(Outbox outbox, MessageCodec codec, EmailStorage storage) {
        this.outbox = outbox;
        this.codec = codec;
        this.storage = storage;
    }

    public void publish(String type, Email email) {
        EmailData data = new EmailData(email.id, email.stageId, email.sequenceId, email.subject, email.fromName,
                email.fromEmail, email.hasHtml() ? storage.publicUrl(email.id) : null);
        Envelope event = Envelope.create(type, ContentMessageTypes.VERSION, email.accountId, codec.toTree(data));
        outbox.publish(Topics.CONTENT_EVENTS, Long.toString(email.id), event);
    }
}
