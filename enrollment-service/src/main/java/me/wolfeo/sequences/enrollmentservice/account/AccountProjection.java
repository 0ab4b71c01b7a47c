package me.wolfeo.sequences.enrollmentservice.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An account the gateway announced: internal systems may only enroll contacts of known accounts. */
@Entity
@Table(name = "account_projection")
public class AccountProjection {

    @Id
    @Column(name = "account_id")
    public long accountId;

    @Column(nullable = false)
    public String name;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Emails a day (UTC) from each sender address across the account's sequences; null: no cap. */
    @Column(name = "emails_per_sender_per_day")
    public Integer emailsPerSenderPerDay;
}
