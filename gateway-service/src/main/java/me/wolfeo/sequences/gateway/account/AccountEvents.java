package me.wolfeo.sequences.gateway.account;

import jakarta.enterprise.context.ApplicationScoped;

import me.wolfeo.sequences.platform.contract.Topics;
import me.wolfeo.sequences.platform.contract.account.AccountData;
import me.wolfeo.sequences.platform.contract.account.AccountMessageTypes;
import me.wolfeo.sequences.platform.contract.account.AccountSendingLimits;
import me.wolfeo.sequences.platform.messaging.Envelope;
import me.wolfeo.sequences.platform.messaging.MessageCodec;
import me.wolfeo.sequences.platform.messaging.outbox.Outbox;

/** Announces new accounts and their changed sending limits on {@code accounts.events}, through the gateway's outbox. */
@ApplicationScoped
public class AccountEvents {

    private final Outbox outbox;
    private final MessageCodec codec;

    public AccountEvents(Outbox outbox, MessageCodec codec) {
        this.outbox = outbox;
        this.codec = codec;
    }

    public void created(Account account) {
        Envelope event = Envelope.create(AccountMessageTypes.ACCOUNT_CREATED, AccountMessageTypes.VERSION, account.id,
                codec.toTree(new AccountData(account.id, account.name, account.createdAt)));
        outbox.publish(Topics.ACCOUNT_EVENTS, Long.toString(account.id), event);
    }

    public void sendingLimitsChanged(Account account) {
        Envelope event = Envelope.create(AccountMessageTypes.SENDING_LIMITS_CHANGED, AccountMessageTypes.VERSION,
                account.id, codec.toTree(new AccountSendingLimits(account.id, account.emailsPerSenderPerDay)));
        outbox.publish(Topics.ACCOUNT_EVENTS, Long.toString(account.id), event);
    }
}
