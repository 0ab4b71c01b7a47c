package me.wolfeo.sequences.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import me.wolfeo.sequences.local.LocalPlatform;

/**
 * A service killed with SIGKILL takes its Kafka consumers back as soon as it is up again: they are static members
 * of their group ({@code group.instance.id}), so the broker hands the restarted process the dead one's partitions
 * at once instead of waiting for the dead consumers' session to expire.
 */
class ConsumerRecoveryTest {

    /** Measured from the moment the restarted service is ready. */
    private static final Duration RECOVERY_LIMIT = Duration.ofSeconds(10);

    @Test
    void afterAKillOfEnrollmentServiceEnrollmentsAreAnsweredWithinTenSecondsOfItsRestart() throws Exception {
        LocalPlatform platform = Platform.get();
        Platform.Account account = Platform.newAccount("Recovery");
        long sequenceId = Fixtures.sequence(account, "Recovery");
        assertThat(Fixtures.enrollHubspot(account, sequenceId, "recovery-before", false)).isEqualTo(200);
        long killed = platform.processIds().get("enrollment-service");

        platform.kill("enrollment-service");
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> platform.processIds().get("enrollment-service") != killed);
        platform.awaitReady("enrollment-service", Duration.ofSeconds(40));
        long ready = System.nanoTime();

        int attempt = 0;
        int status;
        do {
            // An attempt waits at most the gateway's timeout (10 s); its command is applied once a consumer runs.
            status = Fixtures.enrollHubspot(account, sequenceId, "recovery-after-" + attempt++, false);
        } while (status != 200 && System.nanoTime() - ready < RECOVERY_LIMIT.toNanos());
        Duration recovery = Duration.ofNanos(System.nanoTime() - ready);
        System.out.printf("[recovery test] enrollment answered 200 %d ms after enrollment-service was ready%n",
                recovery.toMillis());

        assertThat(status).as("an enrollment after the restart").isEqualTo(200);
        assertThat(recovery).isLessThan(RECOVERY_LIMIT);
    }

    @Test
    void everyConsumerOfEveryServiceIsAStaticMemberOfItsGroupWithAnIdOfItsOwn() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                Platform.get().kafkaBootstrapServers()))) {
            Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(
                    Set.of("sequence-service", "content-service", "enrollment-service")).all()
                    .get(30, TimeUnit.SECONDS);
            for (ConsumerGroupDescription group : groups.values()) {
                assertThat(group.members()).as(group.groupId() + "'s members").isNotEmpty();
                Set<String> instanceIds = group.members().stream()
                        .map(member -> member.groupInstanceId().orElse(null)).collect(Collectors.toSet());
                assertThat(instanceIds).as(group.groupId() + "'s group.instance.id").doesNotContainNull()
                        .hasSize(group.members().size());
                assertThat(group.members().stream().map(MemberDescription::groupInstanceId))
                        .allSatisfy(id -> assertThat(id).hasValueSatisfying(
                                value -> assertThat(value).matches("[a-zA-Z0-9._-]+")));
            }
        }
    }
}
