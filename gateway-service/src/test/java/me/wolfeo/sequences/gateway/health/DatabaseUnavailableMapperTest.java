package me.wolfeo.sequences.gateway.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/** Which database failures are the database being out of reach (503), and which are not (500). */
class DatabaseUnavailableMapperTest {

    @Test
    void aRefusedConnectionAsTheDriverAndHibernateReportItIsTheDatabaseOutOfReach() throws IOException {
        SQLException refused = refusedConnection();

        assertThat(DatabaseUnavailableMapper.isUnreachable(refused)).isTrue();
        assertThat(DatabaseUnavailableMapper.isUnreachable(
                new JDBCConnectionException("Unable to acquire JDBC Connection", refused))).isTrue();
    }

    @Test
    void aServerShuttingDownOrStartingUpOrOutOfConnectionsIsOutOfReach() {
        for (String state : new String[]{"57P01", "57P03", "53300", "08006"}) {
            assertThat(DatabaseUnavailableMapper.isUnreachable(new GenericJDBCException("could not execute",
                    new SQLException("FATAL", state)))).as(state).isTrue();
        }
        assertThat(DatabaseUnavailableMapper.isUnreachable(new GenericJDBCException("Unable to acquire",
                new SQLException("Acquisition timeout while waiting for new connection")))).isTrue();
    }

    @Test
    void aFailureOfTheStatementItselfIsNot() {
        assertThat(DatabaseUnavailableMapper.isUnreachable(new ConstraintViolationException("duplicate",
                new SQLException("duplicate key", "23505"), "uk"))).isFalse();
        assertThat(DatabaseUnavailableMapper.isUnreachable(new GenericJDBCException("syntax",
                new SQLException("syntax error", "42601")))).isFalse();
    }

    private static SQLException refusedConnection() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        try {
            DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/gateway", "postgres", "")
                    .close();
            throw new AssertionError("Something listens on " + port);
        } catch (SQLException e) {
            return e;
        }
    }
}
