package me.wolfeo.sequences.enrollmentservice.enrollment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import me.wolfeo.sequences.enrollmentservice.contact.Contact;

@ApplicationScoped
public class EnrollmentRepository implements PanacheRepository<Enrollment> {

    public Optional<Enrollment> activeOf(long contactId) {
        return find("contactId = ?1 and active = true", contactId).firstResultOptional();
    }

    public List<Enrollment> activeIn(long sequenceId) {
        return list("sequenceId = ?1 and active = true", sequenceId);
    }

    public List<Long> activeSequenceIdsOf(Collection<Long> contactIds) {
        return find("select distinct sequenceId from Enrollment where contactId in ?1 and active = true",
                contactIds).project(Long.class).list();
    }

    /** The contacts enrolled in a sequence now, in contact id order. */
    public List<Contact> contactsIn(long sequenceId, int page, int perPage) {
        return getEntityManager().createQuery("""
                select c from Contact c, Enrollment e
                where e.contactId = c.id and e.sequenceId = ?1 and e.active = true
                order by c.id""", Contact.class)
                .setParameter(1, sequenceId)
                .setFirstResult((page - 1) * perPage)
                .setMaxResults(perPage)
                .getResultList();
    }

    public long countContactsIn(long sequenceId) {
        return count("sequenceId = ?1 and active = true", sequenceId);
    }

}
