package me.wolfeo.sequences.enrollmentservice.account;

import jakarta.enterprise.context.ApplicationScoped;

import me.wolfeo.sequences.platform.contract.account.AccountData;
import me.wolfeo.sequences.platform.contract.account.AccountSendingLimits;
import me.wolfeo.sequences.platform.messaging.Envelope;
import me.wolfeo.sequences.platform.messaging.MessageCodec;

/** Learns the accounts the gateway creates, and their sending limits. */
@ApplicationScoped
public class AccountEventHandlers {

    private final AccountProjectionRepository accounts;
    private final MessageCodec codec;

    public AccountEventHandlers(AccountProjectionRepository accounts, MessageCodec codec) {
        this.accounts = accounts;
        this.codec = codec;
    }

    public Object accountCreated(Envelope event) {
        AccountData account = codec.data(event, AccountData.class);
        accounts.remember(account.id(), account.name(), account.createdAt());
        return null;
    }

    public Object sendingLimitsChanged(Envelope event) {
        AccountSendingLimits limits = codec.data(event, AccountSendingLimits.class);
        accounts.capEmailsPerSender(limits.accountId(), limits.emailsPerSenderPerDay());
        return null;
    }
}
