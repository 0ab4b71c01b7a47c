package me.wolfeo.sequences.enrollmentservice.contact;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** A row of contact_keys: one way to find one contact. Its primary key is what makes a key belong to one contact. */
@Entity
@Table(name = "contact_keys")
@IdClass(StoredContactKey.Id.class)
public class StoredContactKey {

    @jakarta.persistence.Id
    @Column(name = "account_id")
    public long accountId;

    @jakarta.persistence.Id
    public String source;

    @jakarta.persistence.Id
    @Column(name = "external_id")
    public String externalId;

    @Column(name = "contact_id", nullable = false)
    public long contactId;

    public static StoredContactKey of(long accountId, ContactKey key, long contactId) {
        StoredContactKey stored = new StoredContactKey();
        stored.accountId = accountId;
        stored.source = key.source();
        stored.externalId = key.externalId();
        stored.contactId = contactId;
        return stored;
    }

    /** The composite primary key. */
    public static class Id implements Serializable {

        public long accountId;
        public String source;
        public String externalId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Id id && id.accountId == accountId && id.source.equals(source)
                    && id.externalId.equals(externalId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(accountId, source, externalId);
        }
    }

}
