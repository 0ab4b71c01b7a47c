package me.wolfeo.sequences.systemtests;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * Records that an internal system could publish to {@code enrollments.commands} and that can never be applied:
 * not JSON, not an envelope, an unknown type or version, invalid fields, an account nobody announced, hostile
 * bytes in the key, the value or the headers, a record close to the broker's size limit. Each must end in
 * {@code enrollments.commands.dlq} and hold back nothing behind it.
 */
final class HostileRecords {

    /**
     * The broker's {@code message.max.bytes}: 5 MiB locally (KafkaBroker) and in the cluster
     * (deploy/kubernetes/base/kafka/cluster.yaml), for content commands that carry email HTML.
     */
    static final int BROKER_MAX_BYTES = 5 * 1024 * 1024;
    /** The largest value of a record alone in its batch that the broker takes: 61 bytes of batch, ~31 of record. */
    static final int LARGEST_VALUE = BROKER_MAX_BYTES - 128;

    record HostileRecord(String label, byte[] key, byte[] value, List<Header> headers) {
    }

    private HostileRecords() {
    }

    /**
     * The hostile records for one partition; their envelope ids are the partition's own, so that no record is
     * taken for a redelivery of another partition's.
     */
    static List<HostileRecord> forPartition(int partition, long accountId, long sequenceId) {
        String tag = "hostile-p" + partition + "-";
        String key = PartitionKeys.contactKey(accountId, "hostile");
        String enroll = "{\"sequence_id\": " + sequenceId + ", \"source\": \"hubspot\", \"id\": \"hostile\"}";
        List<HostileRecord> records = new ArrayList<>();
        records.add(record("not JSON", key, text("enroll me, please")));
        records.add(record("an empty value", key, new byte[0]));
        records.add(record("a tombstone (no value)", key, null));
        records.add(record("a JSON array", key, text("[1, 2, 3]")));
        records.add(record("no type", key, text("{\"id\": \"" + tag + "no-type\", \"version\": 1, "
                + "\"account_id\": " + accountId + ", \"data\": " + enroll + "}")));
        records.add(record("an unknown type", key, envelope(tag + "unknown-type", "enrollment.teleport", 1,
                accountId, enroll)));
        records.add(record("an unknown version", key, envelope(tag + "version", "enrollment.enroll", 99, accountId,
                enroll)));
        records.add(record("no id", key, text("{\"type\": \"enrollment.enroll\", \"version\": 1, \"account_id\": "
                + accountId + ", \"data\": " + enroll + "}")));
        records.add(record("a 129-character id", key, envelope(tag + "x".repeat(129), "enrollment.enroll", 1,
                accountId, enroll)));
        records.add(record("NUL in the id", key, envelope(tag + "nul\\u0000id", "enrollment.enroll", 1, accountId,
                enroll)));
        records.add(record("account_id as a string", key, text("{\"id\": \"" + tag + "account-text\", \"type\": "
                + "\"enrollment.enroll\", \"version\": 1, \"account_id\": \"" + accountId + "\", \"data\": " + enroll
                + "}")));
        records.add(record("data that is not an object", key, envelope(tag + "data-text", "enrollment.enroll", 1,
                accountId, "\"enroll\"")));
        records.add(record("no fields in the data", key, envelope(tag + "empty-data", "enrollment.enroll", 1,
                accountId, "{}")));
        records.add(record("an unknown source", key, envelope(tag + "source", "enrollment.enroll", 1, accountId,
                "{\"sequence_id\": " + sequenceId + ", \"source\": \"salesforce\", \"id\": \"1\"}")));
        records.add(record("NUL in a name", key, envelope(tag + "nul-name", "enrollment.enroll", 1, accountId,
                "{\"sequence_id\": " + sequenceId + ", \"source\": \"hubspot\", \"id\": \"hostile\", "
                        + "\"first_name\": \"a\\u0000b\"}")));
        records.add(record("a lone surrogate in the CRM id", key, envelope(tag + "surrogate", "enrollment.enroll", 1,
                accountId, "{\"sequence_id\": " + sequenceId + ", \"source\": \"hubspot\", \"id\": \"a\\ud800b\"}")));
        records.add(record("an account that does not exist", key, envelope(tag + "no-account", "enrollment.enroll",
                1, 987_654_321_987L, enroll)));
        byte[] unknownType = envelope(tag + "bytes", "enrollment.teleport", 1, accountId, enroll);
        records.add(new HostileRecord("NUL in the key", text(accountId + ":hubspot:\u0000"), unknownType, List.of()));
        records.add(new HostileRecord("invalid UTF-8 in the key", new byte[]{'7', ':', (byte) 0xC3, 0x28},
                envelope(tag + "key-utf8", "enrollment.teleport", 1, accountId, enroll), List.of()));
        records.add(record("a raw NUL byte in the value", key, withRawBytes(envelope(tag + "raw-nul",
                "enrollment.enroll", 1, accountId, enroll), new byte[]{0})));
        records.add(record("invalid UTF-8 in the value", key, withRawBytes(envelope(tag + "value-utf8",
                "enrollment.enroll", 1, accountId, enroll), new byte[]{(byte) 0xC3, 0x28})));
        records.add(new HostileRecord("headers that are not UTF-8, hold NUL, have no value or no name",
                text(key), envelope(tag + "headers", "enrollment.teleport", 1, accountId, enroll), List.of(
                        new RecordHeader("ce_type", new byte[]{(byte) 0xFF, (byte) 0xFE}),
                        new RecordHeader("x-nul", new byte[]{'a', 0, 'b'}),
                        new RecordHeader("x-no-value", null),
                        new RecordHeader("", text("no name")))));
        records.add(new HostileRecord("reply-to without correlation-id", text(key),
                envelope(tag + "reply-to", "enrollment.teleport", 1, accountId, enroll),
                List.of(new RecordHeader("reply-to", text("gateway.replies")))));
        records.add(new HostileRecord("correlation-id without reply-to", text(key),
                envelope(tag + "correlation", "enrollment.teleport", 1, accountId, enroll),
                List.of(new RecordHeader("correlation-id", text("c-" + partition)))));
        records.add(new HostileRecord("reply-to a topic that does not exist", text(key),
                envelope(tag + "no-topic", "enrollment.teleport", 1, accountId, enroll), List.of(
                        new RecordHeader("reply-to", text("no.such.topic")),
                        new RecordHeader("correlation-id", text("c-" + partition)))));
        records.add(record("1 MiB of random bytes", key, randomBytes(1024 * 1024, partition)));
        return records;
    }

    /** Random bytes (not JSON) as large as the broker takes in one record. */
    static HostileRecord asLargeAsTheBrokerTakes(long accountId) {
        return record("random bytes as large as the broker takes", PartitionKeys.contactKey(accountId, "largest"),
                randomBytes(LARGEST_VALUE, accountId));
    }

    /** A valid enroll command, as an internal system publishes it (README, "The enrollment command topic"). */
    static byte[] enroll(String id, long accountId, long sequenceId, String hubspotId, String firstName) {
        return envelope(id, "enrollment.enroll", 1, accountId, "{\"sequence_id\": " + sequenceId
                + ", \"force_enroll\": false, \"source\": \"hubspot\", \"id\": \"" + hubspotId
                + "\", \"first_name\": \"" + firstName + "\"}");
    }

    private static HostileRecord record(String label, String key, byte[] value) {
        return new HostileRecord(label, text(key), value, List.of());
    }

    private static byte[] envelope(String id, String type, int version, long accountId, String data) {
        return text("{\"id\": \"" + id + "\", \"type\": \"" + type + "\", \"version\": " + version
                + ", \"account_id\": " + accountId + ", \"data\": " + data + "}");
    }

    /** The envelope with raw bytes put into its id string, where JSON allows no such bytes. */
    private static byte[] withRawBytes(byte[] envelope, byte[] raw) {
        String text = new String(envelope, StandardCharsets.UTF_8);
        int at = text.indexOf("\", \"type\"");
        byte[] before = text.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] after = text.substring(at).getBytes(StandardCharsets.UTF_8);
        byte[] joined = new byte[before.length + raw.length + after.length];
        System.arraycopy(before, 0, joined, 0, before.length);
        System.arraycopy(raw, 0, joined, before.length, raw.length);
        System.arraycopy(after, 0, joined, before.length + raw.length, after.length);
        return joined;
    }

    /** Bytes no compression makes smaller, so the record stays as large on the broker. */
    private static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
