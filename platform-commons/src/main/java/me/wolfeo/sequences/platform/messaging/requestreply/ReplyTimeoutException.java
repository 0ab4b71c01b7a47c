package me.wolfeo.sequences.platform.messaging.requestreply;

/** No reply came back in time. The command may still be processed later; its id lets the caller trace it. */
public class ReplyTimeoutException extends RuntimeException {

    private final String commandId;

    public ReplyTimeoutException(String commandId) {
        super("No reply to command " + commandId + " in time", null, false, false);
        this.commandId = commandId;
    }

    public String commandId() {
        return commandId;
    }
}
