package me.wolfeo.sequences.sequenceservice;

import io.quarkus.test.junit.QuarkusTest;

import me.wolfeo.sequences.platform.testing.InternalApiAccessContract;
import me.wolfeo.sequences.platform.testing.MessagingTestClient;

/** sequence-service's internal API answers only the services that call it: the gateway, say. */
@QuarkusTest
class InternalApiAccessTest extends InternalApiAccessContract {

    @Override
    protected String servicePackage() {
        return "me.wolfeo.sequences.sequenceservice";
    }

    @Override
    protected String caller() {
        return "gateway";
    }

    @Override
    protected String routeAnswering200() {
        return "/internal/v1/accounts/" + MessagingTestClient.newAccount() + "/sequences";
    }
}
