package me.wolfeo.sequences.platform.messaging.requestreply;

/**
 * The command never reached the broker (it is down, unreachable, or the reply listener could not start): it will
 * not be applied, and the caller may simply retry later.
 */
public class RequestNotSentException extends RuntimeException {

    private final String commandId;

    public RequestNotSentException(String commandId, String reason) {
        super("Command " + commandId + " was not sent: " + reason, null, false, false);
        this.commandId = commandId;
    }

    public String commandId() {
        return commandId;
    }
}
