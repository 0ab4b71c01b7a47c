package me.wolfeo.sequences.platform.metrics;

import java.util.IdentityHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.micrometer.core.instrument.Counter;

/**
 * Counts what a transaction did only once it has committed: a batch that rolls back (and is then applied one
 * message at a time) or a claim that fails is not counted twice. The counts of one transaction are kept in memory
 * and added in one go after its commit, with one synchronization per transaction; outside a transaction a count is
 * added at once.
 */
@ApplicationScoped
public class CommittedCounts {

    private final TransactionSynchronizationRegistry transactions;

    public CommittedCounts(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    /** Adds one to the counter when the current transaction commits. */
    public void incrementOnCommit(Counter counter) {
        addOnCommit(counter, 1);
    }

    /** Adds the amount to the counter when the current transaction commits. */
    public void addOnCommit(Counter counter, long amount) {
        if (transactions.getTransactionKey() == null) {
            counter.increment(amount);
            return;
        }
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            return; // marked for rollback: it will not commit
        }
        @SuppressWarnings("unchecked")
        Map<Counter, long[]> pending = (Map<Counter, long[]>) transactions.getResource(CommittedCounts.class);
        if (pending == null) {
            pending = new IdentityHashMap<>();
            transactions.putResource(CommittedCounts.class, pending);
            Map<Counter, long[]> counted = pending;
            transactions.registerInterposedSynchronization(new Synchronization() {

                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        counted.forEach((meter, sum) -> meter.increment(sum[0]));
                    }
                }
            });
        }
        pending.computeIfAbsent(counter, meter -> new long[1])[0] += amount;
    }
}
