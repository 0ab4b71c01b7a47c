package me.wolfeo.sequences.platform.messaging.inbound;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.properties.IfBuildProperty;

/**
 * The ids of the messages this service has processed, stored in the same transaction as their effects, so a
 * redelivered message is recognised and its first reply is sent again instead of processing it twice.
 */
@ApplicationScoped
@IfBuildProperty(name = "platform.messaging.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class Inbox {

    private final AgroalDataSource dataSource;

    public Inbox(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The already processed messages among these ids, by id. */
    public Map<String, ProcessedMessage> find(Collection<String> messageIds) {
        Map<String, ProcessedMessage> found = new HashMap<>();
        if (messageIds.isEmpty()) {
            return found;
        }
        String sql = "SELECT message_id, fingerprint, reply FROM platform_processed_message WHERE message_id = ANY (?)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setArray(1, connection.createArrayOf("text", messageIds.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.put(rows.getString(1), new ProcessedMessage(rows.getString(2), rows.getBytes(3)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the inbox", e);
        }
    }

    /**
     * Records processed messages in the current transaction. A message processed meanwhile by another consumer
     * makes this fail on the primary key, which rolls the whole transaction back: its effects are not doubled.
     */
    public void record(Map<String, ProcessedEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO platform_processed_message (message_id, message_type, fingerprint, reply) "
                + "VALUES (?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            for (Map.Entry<String, ProcessedEntry> entry : entries.entrySet()) {
                insert.setString(1, entry.getKey());
                insert.setString(2, entry.getValue().type());
                insert.setString(3, entry.getValue().message().fingerprint());
                insert.setBytes(4, entry.getValue().message().reply());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record processed messages", e);
        }
    }

    /** Forgets messages processed before the given instant; returns how many. */
    public int forgetBefore(Instant cutoff) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM platform_processed_message WHERE processed_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(cutoff));
            return delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot clean the inbox", e);
        }
    }

    /** A processed message and its type, as recorded. */
    public record ProcessedEntry(String type, ProcessedMessage message) {
    }
}
