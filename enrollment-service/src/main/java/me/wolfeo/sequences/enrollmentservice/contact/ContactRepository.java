package me.wolfeo.sequences.enrollmentservice.contact;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Contacts and their keys, always within an account. */
@ApplicationScoped
public class ContactRepository implements PanacheRepository<Contact> {

    /** The contact a key belongs to, locked until the end of the transaction. */
    public Optional<Contact> lockByKey(long accountId, ContactKey key) {
        List<?> ids = getEntityManager().createNativeQuery("""
                SELECT contact_id FROM contact_keys WHERE account_id = ?1 AND source = ?2 AND external_id = ?3""")
                .setParameter(1, accountId).setParameter(2, key.source()).setParameter(3, key.externalId())
                .getResultList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        long contactId = ((Number) ids.get(0)).longValue();
        return Optional.ofNullable(findById(contactId, LockModeType.PESSIMISTIC_WRITE));
    }

    public Optional<Contact> findOwned(long accountId, long contactId) {
        return find("id = ?1 and accountId = ?2", contactId, accountId).firstResultOptional();
    }

    public List<Contact> withEmail(long accountId, String email) {
        return list("accountId = ?1 and lower(email) = lower(?2)", accountId, email);
    }
}
