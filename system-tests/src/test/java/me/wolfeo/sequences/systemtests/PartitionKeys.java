package me.wolfeo.sequences.systemtests;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.utils.Utils;

/** Keys that Kafka's default partitioner puts on a chosen partition (murmur2 of the key's bytes). */
final class PartitionKeys {

    private PartitionKeys() {
    }

    static int partitionOf(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /**
     * A HubSpot id whose contact key ({@code <account>:hubspot:<id>}, README "The enrollment command topic") lands
     * on the partition.
     */
    static String hubspotIdOn(int partition, int partitions, long accountId, String prefix) {
        for (int n = 0;; n++) {
            String id = prefix + "-" + n;
            if (partitionOf(contactKey(accountId, id), partitions) == partition) {
                return id;
            }
        }
    }

    static String contactKey(long accountId, String hubspotId) {
        return accountId + ":hubspot:" + hubspotId;
    }
}
