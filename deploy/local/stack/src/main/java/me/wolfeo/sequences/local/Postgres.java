package me.wolfeo.sequences.local;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL server of the local stack: the one already answering on the port when there is one (on the
 * development machines, 127.0.0.1:5432 with trust auth), otherwise an embedded server of our own whose data stays
 * in the data directory.
 */
final class Postgres implements AutoCloseable {

    static final String USER = "postgres";

    private final EmbeddedPostgres embedded;
    private final int port;

    private Postgres(EmbeddedPostgres embedded, int port) {
        this.embedded = embedded;
        this.port = port;
    }

    static Postgres ensure(Path dataDirectory, int port) throws IOException {
        if (Ports.isListening("127.0.0.1", port)) {
            Postgres existing = new Postgres(null, port);
            existing.checkConnects();
            return existing;
        }
        EmbeddedPostgres embedded = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .start();
        return new Postgres(embedded, port);
    }

    boolean isEmbedded() {
        return embedded != null;
    }

    int port() {
        return port;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    void createDatabaseIfMissing(String database) {
        try (Connection connection = connect("postgres")) {
            try (PreparedStatement exists = connection
                    .prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, database);
                try (ResultSet row = exists.executeQuery()) {
                    if (row.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + quoted(database));
            } catch (SQLException e) {
                if (!"42P04".equals(e.getSQLState())) { // created meanwhile by a parallel start: fine
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + database + ": " + e.getMessage(), e);
        }
    }

    void dropDatabaseIfExists(String database) {
        try (Connection connection = connect("postgres"); Statement drop = connection.createStatement()) {
            drop.execute("DROP DATABASE IF EXISTS " + quoted(database) + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop database " + database + ": " + e.getMessage(), e);
        }
    }

    private void checkConnects() {
        try (Connection ignored = connect("postgres")) {
            // connected
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL answers on port " + port + " but refuses user " + USER
                    + " (trust auth expected): " + e.getMessage(), e);
        }
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, "");
    }

    private static String quoted(String identifier) {
        if (!identifier.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Unexpected database name " + identifier);
        }
        return "\"" + identifier + "\"";
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
