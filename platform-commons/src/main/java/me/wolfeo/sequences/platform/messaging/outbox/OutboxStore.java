package me.wolfeo.sequences.platform.messaging.outbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.properties.IfBuildProperty;

/**
 * SQL on the {@code platform_outbox} table. Every method runs in the caller's transaction: the datasource hands
 * out the connection that is already enlisted in it, the same one Hibernate uses.
 */
@ApplicationScoped
@IfBuildProperty(name = "platform.messaging.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class OutboxStore {

    /** Only one relay per service database sends at a time, so events leave in the order they were written. */
    private static final long RELAY_LOCK = 0x5E9_0_0B0L;
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    private final AgroalDataSource dataSource;
    private final ObjectMapper mapper;

    public OutboxStore(AgroalDataSource dataSource, ObjectMapper mapper) {
        this.dataSource = dataSource;
        this.mapper = mapper;
    }

    public void insert(List<OutboxMessage> messages) {
        String sql = "INSERT INTO platform_outbox (topic, message_key, headers, payload) VALUES (?, ?, ?, ?)";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            for (OutboxMessage message : messages) {
                insert.setString(1, message.topic());
                insert.setBytes(2, message.key() == null ? null : message.key().getBytes(StandardCharsets.UTF_8));
                insert.setBytes(3, mapper.writeValueAsBytes(message.headers()));
                insert.setBytes(4, message.payload());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Cannot write to the outbox", e);
        }
    }

    /**
     * Takes the relay lock for the current transaction and reads the oldest rows, in one round trip; no rows when
     * another instance holds the lock. The lock is an uncorrelated subquery: PostgreSQL takes it once, before the
     * scan, also when the outbox is empty.
     */
    public List<OutboxMessage> lockRelayAndReadOldest(int limit) {
        String sql = "SELECT id, topic, message_key, headers, payload FROM platform_outbox "
                + "WHERE (SELECT pg_try_advisory_xact_lock(?)) ORDER BY id LIMIT ?";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, RELAY_LOCK);
            select.setInt(2, limit);
            List<OutboxMessage> messages = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    byte[] key = rows.getBytes(3);
                    messages.add(new OutboxMessage(rows.getLong(1), rows.getString(2),
                            key == null ? null : new String(key, StandardCharsets.UTF_8),
                            mapper.readValue(rows.getBytes(4), HEADERS), rows.getBytes(5)));
                }
            }
            return messages;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Cannot read the outbox", e);
        }
    }

    public void delete(List<OutboxMessage> messages) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM platform_outbox WHERE id = ANY (?)")) {
            Long[] ids = messages.stream().map(OutboxMessage::id).toArray(Long[]::new);
            delete.setArray(1, connection.createArrayOf("bigint", ids));
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot delete sent outbox rows", e);
        }
    }
}
