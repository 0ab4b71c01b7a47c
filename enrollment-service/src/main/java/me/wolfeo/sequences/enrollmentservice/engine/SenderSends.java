package me.wolfeo.sequences.enrollmentservice.engine;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

import io.agroal.api.AgroalDataSource;

/**
 * The per-account cap of emails per sender address per day (UTC) in one claim, across all the account's sequences.
 * An email past the cap waits for the next day; an account without a cap costs nothing.
 */
final class SenderSends extends LockedQuota<SenderSends.Sender> {

    record Sender(long accountId, String address) {
    }

    private final LocalDate day;
    private final Map<Long, Integer> capsByAccount;

    SenderSends(AgroalDataSource dataSource, Instant now, Map<Long, Integer> capsByAccount) {
        super(dataSource);
        this.day = LocalDate.ofInstant(now, ZoneOffset.UTC);
        this.capsByAccount = capsByAccount;
    }

    /** Takes one email of the sender's day, if its account has no cap or the cap has one left. */
    boolean take(Sender sender) {
        Integer cap = capsByAccount.get(sender.accountId());
        return cap == null || take(sender, cap);
    }

    /** Gives back the email of a send that did not happen (refused, or to be retried). */
    void release(Sender sender) {
        if (capsByAccount.containsKey(sender.accountId())) {
            giveBack(sender);
        }
    }

    static Sender of(long accountId, String address) {
        return new Sender(accountId, address.toLowerCase(Locale.ROOT));
    }

    /** When the next day begins (UTC): where an email past the cap waits. */
    Instant nextDay() {
        return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    @Override
    String what() {
        return "the emails per sender";
    }

    @Override
    String insertSql() {
        return """
                INSERT INTO sender_daily_sends (account_id, sender, day, sent) VALUES (?, ?, ?, 0)
                ON CONFLICT (account_id, sender, day) DO NOTHING""";
    }

    @Override
    String lockSql() {
        return "SELECT sent FROM sender_daily_sends WHERE account_id = ? AND sender = ? AND day = ? FOR UPDATE";
    }

    @Override
    String updateSql() {
        return "UPDATE sender_daily_sends SET sent = sent + ? WHERE account_id = ? AND sender = ? AND day = ?";
    }

    @Override
    void bindKey(PreparedStatement statement, int first, Sender sender) throws SQLException {
        statement.setLong(first, sender.accountId());
        statement.setString(first + 1, sender.address());
        statement.setObject(first + 2, day);
    }
}
