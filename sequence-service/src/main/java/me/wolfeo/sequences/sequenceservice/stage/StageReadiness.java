package me.wolfeo.sequences.sequenceservice.stage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import me.wolfeo.sequences.platform.contract.sequence.StageRules;
import me.wolfeo.sequences.platform.http.Lookups;
import me.wolfeo.sequences.platform.internalapi.ContentServiceClient;
import me.wolfeo.sequences.platform.messaging.CommandRejectedException;
import me.wolfeo.sequences.platform.messaging.ErrorCodes;

/**
 * Whether a stage has what it sends, so that it may be activated: a {@code send_email} stage its email HTML (which
 * content-service owns, so it is asked through its read API), a {@code send_sms} stage its text. An
 * {@code action} stage needs nothing.
 *
 * <p>
 * content-service's email record of a stage is made from the {@code stage.created} event, or at once when content
 * is uploaded before that event arrives: so "no email record" means "no content uploaded", never a projection
 * lagging behind. content-service unreachable or failing (5xx) is a failure of the surroundings, retried by the
 * inbound processing like a database outage, not a refusal.
 */
@ApplicationScoped
public class StageReadiness {

    static final String NO_EMAIL_CONTENT = "The stage cannot be activated before it has email content.";
    static final String NO_SMS_TEXT = "The stage cannot be activated before it has SMS text.";

    private final ContentServiceClient contentService;

    public StageReadiness(@RestClient ContentServiceClient contentService) {
        this.contentService = contentService;
    }

    /** Refuses with {@link ErrorCodes#STAGE_NOT_READY} unless the stage can be activated. */
    public void requireReady(Stage stage) {
        switch (stage.stageType) {
            case StageRules.SEND_EMAIL -> {
                if (!hasEmailContent(stage)) {
                    throw new CommandRejectedException(ErrorCodes.STAGE_NOT_READY, NO_EMAIL_CONTENT);
                }
            }
            case StageRules.SEND_SMS -> {
                if (stage.smsText == null) {
                    throw new CommandRejectedException(ErrorCodes.STAGE_NOT_READY, NO_SMS_TEXT);
                }
            }
            default -> {
                // an action stage has nothing to send
            }
        }
    }

    private boolean hasEmailContent(Stage stage) {
        try {
            return Lookups.orEmptyIfNotFound(() -> contentService.emailMessage(stage.accountId, stage.id))
                    .map(email -> email.html() != null).orElse(false);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() >= 500) {
                throw new ProcessingException("content-service answered " + e.getResponse().getStatus(), e);
            }
            throw e;
        }
    }
}
