package me.wolfeo.sequences.enrollmentservice.contact;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Contacts and their keys, always within an account. */
@ApplicationScoped
public class ContactRepository implements PanacheRepository<Contact> {

    public Optional<Contact> findOwned(long accountId, long contactId) {
        return find("id = ?1 and accountId = ?2", contactId, accountId).firstResultOptional();
    }

    /** Locked until the transaction ends, as {@link ContactDirectory} locks the contacts it finds. */
    public Optional<Contact> lockOwned(long accountId, long contactId) {
        return find("id = ?1 and accountId = ?2", contactId, accountId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    public List<Contact> withEmail(long accountId, String email) {
        return list("accountId = ?1 and lower(email) = lower(?2)", accountId, email);
    }

    /**
     * These contacts, locked for update until the transaction ends, in id order. Native SQL with one array
     * parameter: the statement is the same for any number of ids, so nothing is translated again per batch.
     */
    @SuppressWarnings("unchecked")
    public List<Contact> lockAll(List<Long> ids) {
        return getEntityManager().createNativeQuery(
                "SELECT * FROM contacts WHERE id = ANY (?1) ORDER BY id FOR UPDATE", Contact.class)
                .setParameter(1, ids.toArray(Long[]::new)).getResultList();
    }
}
