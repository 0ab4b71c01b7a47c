package me.wolfeo.sequences.enrollmentservice.contact;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Contacts and their keys, always within an account. */
@ApplicationScoped
public class ContactRepository implements PanacheRepository<Contact> {

    public Optional<Contact> findOwned(long accountId, long contactId) {
        return find("id = ?1 and accountId = ?2", contactId, accountId).firstResultOptional();
    }

    public List<Contact> withEmail(long accountId, String email) {
        return list("accountId = ?1 and lower(email) = lower(?2)", accountId, email);
    }
}
