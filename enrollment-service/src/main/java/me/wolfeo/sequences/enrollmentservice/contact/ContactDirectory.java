package me.wolfeo.sequences.enrollmentservice.contact;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.agroal.api.AgroalDataSource;

import me.wolfeo.sequences.enrollmentservice.enrollment.Enrollment;
import me.wolfeo.sequences.enrollmentservice.enrollment.EnrollmentRepository;

/**
 * Contacts, their keys and their active enrollments as the current transaction sees them. A batch of commands
 * {@link #prefetch loads} what it needs in three queries, then each command reads and updates this in memory:
 * a contact created by one command of the batch is found by the next. What was not prefetched is read from the
 * database on first use. Contacts are locked (in id order) until the transaction ends, so two instances never
 * change one contact at the same time.
 */
@ApplicationScoped
public class ContactDirectory {

    private final ContactRepository contacts;
    private final EnrollmentRepository enrollments;
    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;

    public ContactDirectory(ContactRepository contacts, EnrollmentRepository enrollments,
            AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions) {
        this.contacts = contacts;
        this.enrollments = enrollments;
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    /** A key of one account. */
    public record AccountKey(long accountId, ContactKey key) {
    }

    /** Loads the contacts of these keys, locked, with their active enrollments, into the transaction's view. */
    public void prefetch(Collection<AccountKey> keys) {
        View view = view();
        List<AccountKey> unknown = keys.stream().distinct().filter(key -> !view.contactByKey.containsKey(key))
                .toList();
        if (unknown.isEmpty()) {
            return;
        }
        Map<AccountKey, Long> found = findKeys(unknown);
        unknown.forEach(key -> view.contactByKey.put(key, found.get(key)));
        List<Long> ids = found.values().stream().distinct().sorted().toList();
        if (ids.isEmpty()) {
            return;
        }
        contacts.lockAll(ids).forEach(contact -> view.contacts.put(contact.id, contact));
        ids.forEach(id -> view.activeKnown.put(id, Optional.empty()));
        enrollments.lockActiveOf(ids)
                .forEach(enrollment -> view.activeKnown.put(enrollment.contactId, Optional.of(enrollment)));
    }

    /** The contact with this key, locked for the rest of the transaction. */
    public Optional<Contact> find(long accountId, ContactKey key) {
        View view = view();
        AccountKey accountKey = new AccountKey(accountId, key);
        if (!view.contactByKey.containsKey(accountKey)) {
            prefetch(List.of(accountKey));
        }
        Long id = view.contactByKey.get(accountKey);
        return id == null ? Optional.empty() : Optional.ofNullable(view.contacts.get(id));
    }

    public boolean isTaken(long accountId, ContactKey key) {
        return find(accountId, key).isPresent();
    }

    /**
     * Stores a new contact with its keys. A key some other contact already has is left to it (a phone number keeps
     * finding the contact that had it first), but the contact's own key must be free.
     */
    public void add(Contact contact, ContactKey own, List<ContactKey> keys) {
        View view = view();
        contacts.persist(contact);
        view.contacts.put(contact.id, contact);
        view.activeKnown.put(contact.id, Optional.empty());
        for (ContactKey key : keys) {
            if (key.equals(own) || !isTaken(contact.accountId, key)) {
                contacts.getEntityManager().persist(StoredContactKey.of(contact.accountId, key, contact.id));
                view.contactByKey.put(new AccountKey(contact.accountId, key), contact.id);
            }
        }
    }

    public Optional<Enrollment> activeEnrollment(long contactId) {
        View view = view();
        return view.activeKnown.computeIfAbsent(contactId, id -> enrollments.lockActiveOf(id));
    }

    public void enrolled(Enrollment enrollment) {
        enrollments.persist(enrollment);
        view().activeKnown.put(enrollment.contactId, Optional.of(enrollment));
    }

    /** Ends an active enrollment, writing it at once: the database allows one active enrollment per contact. */
    public void ended(Enrollment enrollment) {
        enrollments.flush();
        view().activeKnown.put(enrollment.contactId, Optional.empty());
    }

    private Map<AccountKey, Long> findKeys(List<AccountKey> keys) {
        String sql = """
                SELECT k.account_id, k.source, k.external_id, k.contact_id
                FROM contact_keys k
                JOIN unnest(?, ?, ?) AS q(account_id, source, external_id)
                  ON k.account_id = q.account_id AND k.source = q.source AND k.external_id = q.external_id""";
        Map<AccountKey, Long> found = new HashMap<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            Array accounts = connection.createArrayOf("bigint",
                    keys.stream().map(AccountKey::accountId).toArray(Long[]::new));
            Array sources = connection.createArrayOf("varchar",
                    keys.stream().map(key -> key.key().source()).toArray(String[]::new));
            Array externalIds = connection.createArrayOf("varchar",
                    keys.stream().map(key -> key.key().externalId()).toArray(String[]::new));
            select.setArray(1, accounts);
            select.setArray(2, sources);
            select.setArray(3, externalIds);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.put(new AccountKey(rows.getLong(1), new ContactKey(rows.getString(2), rows.getString(3))),
                            rows.getLong(4));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read contact keys", e);
        }
        return found;
    }

    private View view() {
        View view = (View) transactions.getResource(View.class);
        if (view == null) {
            view = new View();
            transactions.putResource(View.class, view);
        }
        return view;
    }

    /** What the current transaction knows; a null contact id means "no such key". */
    private static final class View {

        final Map<AccountKey, Long> contactByKey = new HashMap<>();
        final Map<Long, Contact> contacts = new HashMap<>();
        final Map<Long, Optional<Enrollment>> activeKnown = new HashMap<>();
    }

}
