package me.wolfeo.sequences.enrollmentservice.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

import me.wolfeo.sequences.enrollmentservice.contact.Contact;

/**
 * Whether a contact's address is the one that bounced, read in the claim's transaction: a bounce applied while
 * the claim waited for the contact's row is seen by the next claim.
 */
@ApplicationScoped
class BouncedAddresses {

    private final AgroalDataSource dataSource;

    BouncedAddresses(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    boolean isBounced(long contactId) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT email, bounced_email FROM contacts WHERE id = ? AND bounced_email IS NOT NULL")) {
            select.setLong(1, contactId);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() && Contact.isBounced(rows.getString(1), rows.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read whether the address of contact " + contactId
                    + " bounced", e);
        }
    }
}
