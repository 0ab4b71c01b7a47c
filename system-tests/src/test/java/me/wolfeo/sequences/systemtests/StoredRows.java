package me.wolfeo.sequences.systemtests;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every stored row of every service database, as one hash per row ({@code md5} of the row's text), table by
 * table, so that two snapshots tell exactly which rows came, went or changed.
 *
 * <p>
 * The messaging bookkeeping of platform-commons (db/platform) is left out: {@code platform_outbox} holds messages
 * only until the relay has sent them, so what it holds at an instant is timing; {@code platform_processed_message}
 * is the idempotent consumer's record of every command processed, refused ones included, with the reply it got
 * (that is how a redelivered refusal gets the same answer): a service that refuses a command writes a row there by
 * design, and no client ever reads it as data.
 */
final class StoredRows {

    static final Set<String> BOOKKEEPING = Set.of("platform_outbox", "platform_processed_message");

    /** Row hashes, sorted, by {@code database.table}. */
    private final Map<String, List<String>> tables;

    private StoredRows(Map<String, List<String>> tables) {
        this.tables = tables;
    }

    static StoredRows capture() {
        Map<String, List<String>> tables = new TreeMap<>();
        for (String database : ServiceDatabases.ALL) {
            try (Connection connection = ServiceDatabases.connect(database)) {
                for (String table : tablesOf(connection)) {
                    tables.put(database + "." + table, rowHashes(connection, table));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read " + database + ": " + e.getMessage(), e);
            }
        }
        return new StoredRows(tables);
    }

    /**
     * A snapshot once nothing moves any more (what earlier tests started, such as events still being projected,
     * has settled): two captures a second apart that agree, within the time given.
     */
    static StoredRows settled(Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        StoredRows last = capture();
        while (System.nanoTime() < deadline) {
            Thread.sleep(1000);
            StoredRows now = capture();
            if (now.tables.equals(last.tables)) {
                return now;
            }
            last = now;
        }
        throw new IllegalStateException("The stored rows still change after " + within + ": "
                + capture().differencesFrom(last));
    }

    int rowCount() {
        return tables.values().stream().mapToInt(List::size).sum();
    }

    int tableCount() {
        return tables.size();
    }

    /** One line per table that differs: how many rows came and went, and the text of the rows that came. */
    List<String> differencesFrom(StoredRows before) {
        List<String> differences = new ArrayList<>();
        Set<String> names = new TreeSet<>(tables.keySet());
        names.addAll(before.tables.keySet());
        for (String name : names) {
            List<String> now = tables.getOrDefault(name, List.of());
            List<String> then = before.tables.getOrDefault(name, List.of());
            List<String> came = new ArrayList<>();
            int went = 0;
            int i = 0;
            int j = 0;
            while (i < now.size() || j < then.size()) {
                int order = i == now.size() ? 1 : j == then.size() ? -1 : now.get(i).compareTo(then.get(j));
                if (order == 0) {
                    i++;
                    j++;
                } else if (order < 0) {
                    came.add(now.get(i++));
                } else {
                    went++;
                    j++;
                }
            }
            if (!came.isEmpty() || went > 0) {
                differences.add("%s: %d rows came, %d went; came: %s".formatted(name, came.size(), went,
                        rowTexts(name, came)));
            }
        }
        return differences;
    }

    private static List<String> tablesOf(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")) {
            while (rows.next()) {
                if (!BOOKKEEPING.contains(rows.getString(1))) {
                    tables.add(rows.getString(1));
                }
            }
        }
        return tables;
    }

    private static List<String> rowHashes(Connection connection, String table) throws SQLException {
        List<String> hashes = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT md5(t::text) FROM " + quoted(table) + " t")) {
            while (rows.next()) {
                hashes.add(rows.getString(1));
            }
        }
        Collections.sort(hashes);
        return hashes;
    }

    /** The text of these rows, read now (at most five). */
    private static List<String> rowTexts(String qualified, List<String> hashes) {
        if (hashes.isEmpty()) {
            return List.of();
        }
        String database = qualified.substring(0, qualified.indexOf('.'));
        String table = qualified.substring(qualified.indexOf('.') + 1);
        List<String> texts = new ArrayList<>();
        try (Connection connection = ServiceDatabases.connect(database);
                PreparedStatement select = connection.prepareStatement("SELECT t::text FROM " + quoted(table)
                        + " t WHERE md5(t::text) = ANY (?) LIMIT 5")) {
            select.setArray(1, connection.createArrayOf("text", hashes.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    texts.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            texts.add("(cannot read them: " + e.getMessage() + ")");
        }
        return texts;
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
