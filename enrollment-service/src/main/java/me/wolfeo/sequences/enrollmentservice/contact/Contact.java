package me.wolfeo.sequences.enrollmentservice.contact;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import me.wolfeo.sequences.platform.contract.enrollment.ContactData;

/** A person that can be enrolled in sequences; found by one of its {@link ContactKey}s. */
@Entity
@Table(name = "contacts")
public class Contact {

    /** From contact_ids, 50 at a time, so that a batch's inserts go out as JDBC batches. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "contacts_id")
    @SequenceGenerator(name = "contacts_id", sequenceName = "contact_ids", allocationSize = 50)
    public Long id;

    @Column(name = "account_id", nullable = false, updatable = false)
    public long accountId;

    public String email;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name")
    public String lastName;

    /** E.164. */
    @Column(name = "phone_number")
    public String phoneNumber;

    /** The contact's own time zone (IANA), in which sending schedules apply; null: derived from the phone number. */
    @Column(name = "timezone")
    public String timezone;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Unsubscribed: not enrolled again until the opt-out is lifted. */
    @Column(name = "opted_out", nullable = false)
    public boolean optedOut;

    /** The address that bounced; email steps skip the contact while {@link #email} is that address. */
    @Column(name = "bounced_email")
    public String bouncedEmail;

    public boolean emailBounced() {
        return isBounced(email, bouncedEmail);
    }

    /** The one rule: the address is the one that bounced (addresses compare case-insensitively). */
    public static boolean isBounced(String email, String bouncedEmail) {
        return email != null && email.equalsIgnoreCase(bouncedEmail);
    }

    public ContactData toData() {
        return new ContactData(id, email, firstName, lastName);
    }
}
