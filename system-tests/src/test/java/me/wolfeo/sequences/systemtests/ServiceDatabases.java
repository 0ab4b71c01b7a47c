package me.wolfeo.sequences.systemtests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * The databases of the platform under test, one per service, as {@code LocalPlatform} names them with the system
 * tests' prefix; on the PostgreSQL the platform uses, as user postgres (trust authentication locally).
 */
final class ServiceDatabases {

    static final String GATEWAY = "system_test_gateway";
    static final String SEQUENCES = "system_test_sequences";
    static final String CONTENT = "system_test_content";
    static final String ENROLLMENTS = "system_test_enrollments";
    static final List<String> ALL = List.of(GATEWAY, SEQUENCES, CONTENT, ENROLLMENTS);

    private ServiceDatabases() {
    }

    static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + Platform.get().postgresPort() + "/" + database, "postgres", "");
    }
}
