package me.wolfeo.sequences.enrollmentservice;

import io.quarkus.test.junit.QuarkusTest;

import me.wolfeo.sequences.platform.testing.InternalApiAccessContract;

/** enrollment-service's internal API (its clock included) answers only the services that call it: the gateway. */
@QuarkusTest
class InternalApiAccessTest extends InternalApiAccessContract {

    @Override
    protected String servicePackage() {
        return "me.wolfeo.sequences.enrollmentservice";
    }

    @Override
    protected String caller() {
        return "gateway";
    }

    @Override
    protected String routeAnswering200() {
        return "/internal/v1/clock";
    }
}
