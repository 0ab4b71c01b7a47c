package me.wolfeo.sequences.contentservice;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;

import io.quarkus.test.junit.QuarkusTest;

import me.wolfeo.sequences.platform.contract.sequence.StageData;
import me.wolfeo.sequences.platform.testing.InternalApiAccessContract;
import me.wolfeo.sequences.platform.testing.MessagingTestClient;

/** content-service's internal API answers only the services that call it: the engine of enrollment-service, say. */
@QuarkusTest
class InternalApiAccessTest extends InternalApiAccessContract {

    @Inject
    MessagingTestClient client;
    @Inject
    ContentState state;

    private final long account = MessagingTestClient.newAccount();
    private StageData stage;

    @BeforeEach
    void createAnEmailStage() {
        stage = ContentFixtures.stage(ContentFixtures.newId(), "send_email");
        ContentFixtures.publishStageCreated(client, account, stage);
        ContentFixtures.eventually().until(() -> state.emailOf(stage.id()).isPresent());
    }

    @Override
    protected String servicePackage() {
        return "me.wolfeo.sequences.contentservice";
    }

    @Override
    protected String caller() {
        return "enrollment-service";
    }

    @Override
    protected String routeAnswering200() {
        return "/internal/v1/accounts/" + account + "/stages/" + stage.id() + "/email-message";
    }
}
