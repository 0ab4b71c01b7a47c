package me.wolfeo.sequences.contentservice.content;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The email of a send_email stage. Its id is the {@code email_id} of the public API. */
@Entity
@Table(name = "emails")
public class Email {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id", nullable = false, updatable = false)
    public long accountId;

    @Column(name = "stage_id", nullable = false, updatable = false)
    public long stageId;

    @Column(name = "sequence_id", nullable = false, updatable = false)
    public long sequenceId;

    public String subject;

    @Column(name = "from_name")
    public String fromName;

    @Column(name = "from_email")
    public String fromEmail;

    /** Size of the uploaded HTML; null until the first upload. */
    @Column(name = "html_bytes")
    public Integer htmlBytes;

    @Column(name = "html_updated_at")
    public Instant htmlUpdatedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    public boolean hasHtml() {
        return htmlBytes != null;
    }
}
