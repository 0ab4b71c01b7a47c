package me.wolfeo.sequences.enrollmentservice.enrollment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import me.wolfeo.sequences.enrollmentservice.contact.Contact;

@ApplicationScoped
public class EnrollmentRepository implements PanacheRepository<Enrollment> {

    /** The contact's enrollment that has not ended, as last committed. */
    public Optional<Enrollment> activeOf(long contactId) {
        return find("contactId = ?1 and active = true", contactId).firstResultOptional();
    }

    /** The contact's enrollment that has not ended, locked: the engine skips it until this transaction ends. */
    public Optional<Enrollment> lockActiveOf(long contactId) {
        return find("contactId = ?1 and active = true", contactId).withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResultOptional();
    }

    /** Locked, like {@link #lockActiveOf}; one statement whatever the number of contacts (an array parameter). */
    @SuppressWarnings("unchecked")
    public List<Enrollment> lockActiveOf(Collection<Long> contactIds) {
        return getEntityManager().createNativeQuery("""
                SELECT * FROM enrollments WHERE contact_id = ANY (?1) AND active ORDER BY id FOR UPDATE""",
                Enrollment.class).setParameter(1, contactIds.toArray(Long[]::new)).getResultList();
    }

    /** Locked, in id order. */
    public List<Enrollment> lockActiveIn(long sequenceId) {
        return find("sequenceId = ?1 and active = true order by id", sequenceId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The latest enrollment of a contact in a sequence, ended or not. */
    public Optional<Enrollment> latestOf(long contactId, long sequenceId) {
        return find("contactId = ?1 and sequenceId = ?2 order by id desc", contactId, sequenceId)
                .firstResultOptional();
    }

    public List<Long> activeSequenceIdsOf(Collection<Long> contactIds) {
        return find("select distinct sequenceId from Enrollment where contactId in ?1 and active = true",
                contactIds).project(Long.class).list();
    }

    /** The contacts enrolled in a sequence now, in contact id order. */
    public List<Contact> contactsIn(long sequenceId, int page, int perPage) {
        long offset = me.wolfeo.sequences.platform.paging.Page.offset(page, perPage);
        if (offset > Integer.MAX_VALUE) {
            return List.of(); // past any listing a query can page through
        }
        return getEntityManager().createQuery("""
                select c from Contact c, Enrollment e
                where e.contactId = c.id and e.sequenceId = ?1 and e.active = true
                order by c.id""", Contact.class)
                .setParameter(1, sequenceId)
                .setFirstResult((int) offset)
                .setMaxResults(perPage)
                .getResultList();
    }

    public long countContactsIn(long sequenceId) {
        return count("sequenceId = ?1 and active = true", sequenceId);
    }

}
