package me.wolfeo.sequences.systemtests;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/** What the command-topic tests read in enrollment-service's database, where the API shows nothing of it. */
final class EnrollmentServiceRows {

    private EnrollmentServiceRows() {
    }

    /**
     * Commands published straight to the topic must name an account the gateway announced (README); the account
     * is announced on accounts.events, which enrollment-service projects a moment after the account is made.
     */
    static void awaitAccountKnown(long accountId) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            try (Connection connection = ServiceDatabases.connect(ServiceDatabases.ENROLLMENTS);
                    PreparedStatement known = connection.prepareStatement(
                            "SELECT 1 FROM account_projection WHERE account_id = ?")) {
                known.setLong(1, accountId);
                try (ResultSet row = known.executeQuery()) {
                    return row.next();
                }
            }
        });
    }

    /** Whether the outbox is empty at some instant within the time given: the relay sends what is written. */
    static boolean outboxDrains(Duration within) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        do {
            try (Connection connection = ServiceDatabases.connect(ServiceDatabases.ENROLLMENTS);
                    PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM platform_outbox");
                    ResultSet rows = count.executeQuery()) {
                rows.next();
                if (rows.getLong(1) == 0) {
                    return true;
                }
            }
            Thread.sleep(200);
        } while (System.nanoTime() < deadline);
        return false;
    }

    /** Deletes the outbox rows whose payload is at least this large. */
    static void deleteOutboxRowsOfAtLeast(int bytes) throws SQLException {
        try (Connection connection = ServiceDatabases.connect(ServiceDatabases.ENROLLMENTS);
                PreparedStatement delete = connection.prepareStatement(
                        "DELETE FROM platform_outbox WHERE octet_length(payload) >= ?")) {
            delete.setInt(1, bytes);
            delete.executeUpdate();
        }
    }
}
