package me.wolfeo.sequences.contentservice.stage;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import me.wolfeo.sequences.contentservice.content.EmailLifecycle;
import me.wolfeo.sequences.platform.contract.sequence.StageData;
import me.wolfeo.sequences.platform.http.Lookups;

/**
 * Finds a stage for a command. The projection fed by sequences.events is asked first; a stage it does not know yet
 * (created a moment ago, its event still on the way) is asked of sequence-service and remembered, so a client that
 * creates a stage and at once sets its content is never told "not found" by a projection that lags behind.
 */
@ApplicationScoped
public class StageDirectory {

    private static final Logger LOG = Logger.getLogger(StageDirectory.class);

    private final StageProjectionRepository projection;
    private final SequenceServiceClient sequenceService;
    private final EmailLifecycle emails;

    public StageDirectory(StageProjectionRepository projection, @RestClient SequenceServiceClient sequenceService,
            EmailLifecycle emails) {
        this.projection = projection;
        this.sequenceService = sequenceService;
        this.emails = emails;
    }

    /** The live stage of this account, locked for the rest of the transaction; empty if there is none. */
    public Optional<StageProjection> lockLiveStage(long accountId, long stageId) {
        Optional<StageProjection> known = projection.lockOwned(accountId, stageId);
        if (known.isEmpty()) {
            known = askSequenceService(accountId, stageId);
        }
        return known.filter(stage -> !stage.deleted);
    }

    private Optional<StageProjection> askSequenceService(long accountId, long stageId) {
        Optional<StageData> found = Lookups.orEmptyIfNotFound(() -> sequenceService.stage(accountId, stageId));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StageData stage = found.get();
        LOG.debugf("Stage %d learned from sequence-service before its event", stageId);
        emails.stageCreated(accountId, stage.id(), stage.sequenceId(), stage.stageType());
        return projection.lockOwned(accountId, stageId);
    }
}
