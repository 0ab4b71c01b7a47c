package me.wolfeo.sequences.enrollmentservice.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import io.agroal.api.AgroalDataSource;

/**
 * A quota of one claim over counters kept in PostgreSQL, one row per key and period. A key's count is read under
 * its row lock, which the claim's transaction holds until it commits, so two engine replicas never hand out the
 * same units: the quota holds in total, not per replica. What is taken is written back, in the claim's
 * transaction, by {@link #write()}: it counts only if the claim commits.
 *
 * @param <K> what the quota is counted by
 */
abstract class LockedQuota<K> {

    private final AgroalDataSource dataSource;
    private final Map<K, Integer> left = new HashMap<>();
    private final Map<K, Integer> taken = new HashMap<>();

    LockedQuota(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Takes one unit of the key's quota of {@code limit} in this period, if one is left. */
    final boolean take(K key, int limit) {
        int remaining = left.computeIfAbsent(key, unused -> limit - countLocked(key));
        if (remaining <= 0) {
            return false;
        }
        left.put(key, remaining - 1);
        taken.merge(key, 1, Integer::sum);
        return true;
    }

    /** Gives back a unit taken for a step that did not happen after all. */
    final void giveBack(K key) {
        left.merge(key, 1, Integer::sum);
        taken.merge(key, -1, Integer::sum);
    }

    final void write() {
        if (taken.values().stream().allMatch(count -> count == 0)) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement(updateSql())) {
            for (Map.Entry<K, Integer> entry : taken.entrySet()) {
                if (entry.getValue() != 0) {
                    update.setInt(1, entry.getValue());
                    bindKey(update, 2, entry.getKey());
                    update.addBatch();
                }
            }
            update.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count " + what(), e);
        }
    }

    private int countLocked(K key) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement(insertSql())) {
                bindKey(insert, 1, key);
                insert.executeUpdate();
            }
            try (PreparedStatement select = connection.prepareStatement(lockSql())) {
                bindKey(select, 1, key);
                try (ResultSet row = select.executeQuery()) {
                    row.next();
                    return row.getInt(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read " + what(), e);
        }
    }

    /** What is counted, for error messages. */
    abstract String what();

    /** Inserts the key's row at zero unless it exists; the key's parameters come first. */
    abstract String insertSql();

    /** Selects the key's count {@code FOR UPDATE}; the key's parameters come first. */
    abstract String lockSql();

    /** Adds the first parameter to the key's count; the key's parameters follow it. */
    abstract String updateSql();

    /** Binds the key (and the period) from parameter {@code first} on. */
    abstract void bindKey(PreparedStatement statement, int first, K key) throws SQLException;
}
