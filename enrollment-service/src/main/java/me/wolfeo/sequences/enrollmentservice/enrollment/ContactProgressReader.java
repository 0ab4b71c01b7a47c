package me.wolfeo.sequences.enrollmentservice.enrollment;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

import me.wolfeo.sequences.enrollmentservice.contact.Contact;
import me.wolfeo.sequences.enrollmentservice.contact.ContactKey;
import me.wolfeo.sequences.platform.contract.enrollment.ContactProgress;
import me.wolfeo.sequences.platform.contract.enrollment.ContactSources;

/**
 * Where each contact of a page of a sequence's contacts stands in it, in three queries whatever the page's size:
 * their enrollments, the steps those wait for, and the CRM ids the webhooks name them by.
 */
@ApplicationScoped
public class ContactProgressReader {

    private final EnrollmentRepository enrollments;
    private final AgroalDataSource dataSource;

    public ContactProgressReader(EnrollmentRepository enrollments, AgroalDataSource dataSource) {
        this.enrollments = enrollments;
        this.dataSource = dataSource;
    }

    /** By contact id: the progress of each contact enrolled in the sequence now. */
    public Map<Long, ContactProgress> progressIn(long sequenceId, List<Contact> contacts) {
        if (contacts.isEmpty()) {
            return Map.of();
        }
        List<Long> contactIds = contacts.stream().map(contact -> contact.id).toList();
        List<Enrollment> active = enrollments.list("sequenceId = ?1 and active = true and contactId in ?2",
                sequenceId, contactIds);
        try (Connection connection = dataSource.getConnection()) {
            Map<Long, Integer> steps = stepsOf(connection,
                    active.stream().map(enrollment -> enrollment.nextStageId).filter(Objects::nonNull).toList());
            Map<Long, ContactKey> crmKeys = crmKeysOf(connection, contactIds);
            Map<Long, String> phones = new HashMap<>();
            contacts.forEach(contact -> phones.put(contact.id, contact.phoneNumber));
            Map<Long, ContactProgress> progress = new HashMap<>();
            for (Enrollment enrollment : active) {
                ContactKey crm = crmKeys.get(enrollment.contactId);
                String phone = phones.get(enrollment.contactId);
                String source = crm != null ? crm.source() : phone != null ? ContactSources.PHONE_NUMBER : null;
                progress.put(enrollment.contactId, new ContactProgress(enrollment.id, enrollment.state,
                        enrollment.nextStageId == null ? null : steps.get(enrollment.nextStageId), enrollment.dueAt,
                        EnrollmentProgressReader.waitingFor(enrollment), source,
                        crm == null ? null : crm.externalId(), phone));
            }
            return progress;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the progress of a sequence's contacts", e);
        }
    }

    private static Map<Long, Integer> stepsOf(Connection connection, List<Long> stageIds) throws SQLException {
        Map<Long, Integer> steps = new HashMap<>();
        if (stageIds.isEmpty()) {
            return steps;
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT stage_id, step FROM stage_projection WHERE stage_id = ANY(?) AND NOT deleted")) {
            select.setArray(1, bigints(connection, stageIds));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    steps.put(rows.getLong(1), rows.getInt(2));
                }
            }
        }
        return steps;
    }

    /** Each contact's first CRM key, by source name: how the webhooks can name it. */
    private static Map<Long, ContactKey> crmKeysOf(Connection connection, List<Long> contactIds) throws SQLException {
        Map<Long, ContactKey> keys = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT contact_id, source, external_id FROM contact_keys
                WHERE contact_id = ANY(?) AND source <> ? ORDER BY contact_id, source""")) {
            select.setArray(1, bigints(connection, contactIds));
            select.setString(2, ContactKey.PHONE);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    keys.putIfAbsent(rows.getLong(1), new ContactKey(rows.getString(2), rows.getString(3)));
                }
            }
        }
        return keys;
    }

    private static Array bigints(Connection connection, List<Long> values) throws SQLException {
        return connection.createArrayOf("bigint", values.toArray());
    }
}
