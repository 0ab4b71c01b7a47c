package me.wolfeo.sequences.gateway.account;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A tenant: every row in every service belongs to one account. */
@Entity
@Table(name = "accounts")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String name;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    /** Requests per minute per token on the REST dialect; null: the gateway's default. */
    @Column(name = "rest_requests_per_minute")
    public Integer restRequestsPerMinute;

    /** Requests per minute per token on the webhooks; null: the gateway's default. */
    @Column(name = "webhook_requests_per_minute")
    public Integer webhookRequestsPerMinute;

    /** Emails a day (UTC) from each sender address, across the account's sequences; null: no cap. */
    @Column(name = "emails_per_sender_per_day")
    public Integer emailsPerSenderPerDay;
}
