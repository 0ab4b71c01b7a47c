package me.wolfeo.sequences.benchmarks;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The engine's dispatch rate: enrollments waiting in enrollment-service's database (due times spread over a
 * week) plus a number due now, timed from the commit that makes them due until every due step is recorded and
 * every event it wrote has left the outbox. The rows are written straight into the service's database, as a
 * million enrollments through the API would take longer than the measurement itself; they are the rows an
 * enroll writes (a contact, an enrollment waiting for a stage of a real sequence), with ids far above the
 * service's own.
 */
final class EngineDispatch {

    /** Ids of seeded rows start here, far above what the service itself hands out in a benchmark. */
    private static final long SEEDED = 1_000_000_000_000L;

    /**
     * @param held of the due steps, how many the sequence's schedule moved to a later instant instead of running
     *        (recorded as waiting, with their reason): they count as handled
     */
    record Result(int waiting, int due, double recordedSeconds, double outSeconds, long held) {

        double perSecondRecorded() {
            return due / recordedSeconds;
        }

        double perSecondOut() {
            return due / outSeconds;
        }
    }

    private final String jdbcUrl;
    private final long accountId;
    private long nextId = SEEDED;

    EngineDispatch(String jdbcUrl, long accountId) {
        this.jdbcUrl = jdbcUrl;
        this.accountId = accountId;
    }

    /** Waits until enrollment-service has learned the stage from sequences.events. */
    void awaitStage(long stageId) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (Connection connection = connect();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT active FROM stage_projection WHERE stage_id = ?")) {
            select.setLong(1, stageId);
            while (System.nanoTime() < deadline) {
                try (ResultSet row = select.executeQuery()) {
                    if (row.next() && row.getBoolean(1)) {
                        return;
                    }
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("enrollment-service did not learn stage " + stageId);
    }

    /** Waits until enrollment-service has learned the sequence's schedule from sequences.events. */
    void awaitSchedule(long sequenceId) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        try (Connection connection = connect();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT schedule IS NOT NULL FROM sequence_projection WHERE sequence_id = ?")) {
            select.setLong(1, sequenceId);
            while (System.nanoTime() < deadline) {
                try (ResultSet row = select.executeQuery()) {
                    if (row.next() && row.getBoolean(1)) {
                        return;
                    }
                }
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("enrollment-service did not learn the schedule of sequence " + sequenceId);
    }

    /** Adds enrollments of this sequence that wait for the stage, due at random instants over the next week. */
    void seedWaiting(long sequenceId, long stageId, int count) throws SQLException {
        seed(sequenceId, stageId, count, "now() + random() * interval '7 days'", null);
    }

    /**
     * Adds {@code count} enrollments due now (with an email address when asked), commits, and times the engine
     * until every one of their steps is recorded (or moved on by the sequence's schedule) and the outbox is empty
     * again.
     */
    Result dispatch(long sequenceId, long stageId, int count, int waiting, String emailDomain) throws Exception {
        long first = nextId;
        long started = seed(sequenceId, stageId, count, "now() - interval '1 second'", emailDomain);
        double recorded = Double.NaN;
        long deadline = started + TimeUnit.MINUTES.toNanos(10);
        try (Connection connection = connect();
                PreparedStatement steps = connection.prepareStatement(
                        "SELECT count(*) FROM enrollment_steps WHERE enrollment_id >= ? AND enrollment_id < ?");
                PreparedStatement held = connection.prepareStatement("SELECT count(*) FROM enrollments"
                        + " WHERE id >= ? AND id < ? AND wait_reason IS NOT NULL");
                PreparedStatement outbox = connection.prepareStatement("SELECT count(*) FROM platform_outbox")) {
            for (PreparedStatement range : List.of(steps, held)) {
                range.setLong(1, first);
                range.setLong(2, first + count);
            }
            long moved = 0;
            while (System.nanoTime() < deadline) {
                if (Double.isNaN(recorded)) {
                    long done = count(steps);
                    moved = done >= count ? 0 : count(held);
                    if (done + moved >= count) {
                        recorded = (System.nanoTime() - started) / 1e9;
                    }
                }
                if (!Double.isNaN(recorded) && count(outbox) == 0) {
                    return new Result(waiting, count, recorded, (System.nanoTime() - started) / 1e9, moved);
                }
                Thread.sleep(20);
            }
        }
        throw new IllegalStateException("The engine did not dispatch " + count + " steps within 10 minutes");
    }

    private long seed(long sequenceId, long stageId, int count, String dueAt, String emailDomain)
            throws SQLException {
        long first = nextId;
        nextId += count;
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement contacts = connection.prepareStatement("""
                    INSERT INTO contacts (id, account_id, email, first_name, created_at, updated_at)
                    SELECT g, ?, CASE WHEN ?::text IS NULL THEN NULL ELSE 'bench-' || g || '@' || ?::text END,
                        'Bench', now(), now()
                    FROM generate_series(?::bigint, ?::bigint) AS g""");
                    PreparedStatement enrollments = connection.prepareStatement("""
                            INSERT INTO enrollments (id, account_id, contact_id, sequence_id, active, state,
                                next_stage_id, anchor_at, due_at, enrolled_at)
                            SELECT g, ?, g, ?, true, 'active', ?, d - interval '1 hour', d, now()
                            FROM (SELECT g, %s AS d FROM generate_series(?::bigint, ?::bigint) AS g) AS s"""
                            .formatted(dueAt))) {
                contacts.setLong(1, accountId);
                contacts.setString(2, emailDomain);
                contacts.setString(3, emailDomain);
                contacts.setLong(4, first);
                contacts.setLong(5, first + count - 1);
                contacts.executeUpdate();
                enrollments.setLong(1, accountId);
                enrollments.setLong(2, sequenceId);
                enrollments.setLong(3, stageId);
                enrollments.setLong(4, first);
                enrollments.setLong(5, first + count - 1);
                enrollments.executeUpdate();
            }
            connection.commit();
            long committed = System.nanoTime();
            try (Statement analyze = connection.createStatement()) {
                connection.setAutoCommit(true);
                analyze.execute("ANALYZE enrollments");
            }
            return committed;
        }
    }

    private static long count(PreparedStatement query) throws SQLException {
        try (ResultSet row = query.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres", "");
    }

    /**
     * The baseline: the same shape of timer in plain SQL, claimed by two loops in batches of 500 that delete what
     * they claim ({@code FOR UPDATE SKIP LOCKED}), with the same numbers of waiting and due rows.
     */
    static double plainSqlClaimLoop(String jdbcUrl, int waiting, int due) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS due_rows");
            statement.execute("CREATE TABLE due_rows (id bigserial PRIMARY KEY, due_at timestamptz NOT NULL, "
                    + "payload text NOT NULL)");
            statement.execute("CREATE INDEX due_rows_due ON due_rows (due_at)");
            statement.execute("INSERT INTO due_rows (due_at, payload) SELECT now() + random() * interval '7 days', "
                    + "'waiting' FROM generate_series(1, " + waiting + ")");
            statement.execute("INSERT INTO due_rows (due_at, payload) SELECT now() - interval '1 second', 'due' "
                    + "FROM generate_series(1, " + due + ")");
            statement.execute("ANALYZE due_rows");
        }
        long started = System.nanoTime();
        Thread[] loops = new Thread[2];
        for (int i = 0; i < loops.length; i++) {
            loops[i] = new Thread(() -> {
                try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
                        PreparedStatement claim = connection.prepareStatement("""
                                DELETE FROM due_rows WHERE id IN (SELECT id FROM due_rows WHERE due_at <= now()
                                ORDER BY due_at LIMIT 500 FOR UPDATE SKIP LOCKED)""")) {
                    while (claim.executeUpdate() > 0) {
                        // each statement is one claim of a batch, committed at once
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            loops[i].start();
        }
        for (Thread loop : loops) {
            loop.join(Duration.ofMinutes(5).toMillis());
        }
        return due / ((System.nanoTime() - started) / 1e9);
    }
}
