package me.wolfeo.sequences.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import me.wolfeo.sequences.local.LocalTopics;
import me.wolfeo.sequences.platform.contract.Topics;

/**
 * Builds every overlay as {@code kubectl apply -k} would and checks, without a cluster, what would break a
 * rollout of the platform.
 */
class OverlaysTest {

    static final Path ROOT = projectRoot();
    static final Path KUBERNETES = ROOT.resolve("deploy/kubernetes");
    static final List<String> SERVICES = List.of("gateway-service", "sequence-service", "content-service",
            "enrollment-service");
    /** Secrets the operator creates before applying an overlay (the README says how). */
    static final Set<String> OPERATOR_SECRETS = Set.of("gateway-admin", "content-s3-credentials", "smtp-relay",
            "sms-provider", "internal-api-tokens");
    /** Settings a service starts without but the platform needs in a cluster. */
    static final Map<String, Set<String>> ALSO_REQUIRED = Map.of("gateway-service", Set.of("GATEWAY_ADMIN_KEY"));

    static Stream<Path> overlays() {
        List<Path> overlays = Kustomization.overlays(KUBERNETES);
        assertThat(overlays).extracting(path -> path.getFileName().toString())
                .contains("development", "production");
        return overlays.stream();
    }

    private static <T extends HasMetadata> List<T> all(List<HasMetadata> objects, Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    private static List<GenericKubernetesResource> custom(List<HasMetadata> objects, String kind) {
        return objects.stream().filter(object -> object instanceof GenericKubernetesResource)
                .map(GenericKubernetesResource.class::cast).filter(object -> kind.equals(object.getKind())).toList();
    }

    private static Deployment deployment(List<HasMetadata> objects, String name) {
        return all(objects, Deployment.class).stream().filter(d -> name.equals(d.getMetadata().getName()))
                .findFirst().orElseThrow(() -> new AssertionError("no Deployment " + name));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyObjectParsesAsATypedObjectInTheOverlaysNamespace(Path overlay) {
        List<HasMetadata> objects = Kustomization.build(overlay);

        String namespace = objects.stream().filter(object -> !"Namespace".equals(object.getKind()))
                .map(object -> object.getMetadata().getNamespace()).distinct().collect(Collectors.joining(","));
        assertThat(namespace).as("one namespace for every object").doesNotContain(",").isNotBlank();
        assertThat(Kustomization.createsNamespace(objects, namespace)).isTrue();
        assertThat(all(objects, Deployment.class)).extracting(d -> d.getMetadata().getName())
                .containsAll(SERVICES);
        Set<String> identities = new HashSet<>();
        for (HasMetadata object : objects) {
            assertThat(identities.add(object.getKind() + "/" + object.getMetadata().getName()))
                    .as("%s/%s is declared once", object.getKind(), object.getMetadata().getName()).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyDeploymentHasProbesResourcesAndARestrictiveSecurityContext(Path overlay) {
        for (Deployment deployment : all(Kustomization.build(overlay), Deployment.class)) {
            String name = deployment.getMetadata().getName();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            assertThat(pod.getSecurityContext()).as(name + " pod securityContext").isNotNull();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(name + " runs as non-root").isTrue();
            assertThat(pod.getAutomountServiceAccountToken()).as(name + " mounts no API token").isFalse();
            List<Container> containers = new ArrayList<>(pod.getContainers());
            containers.addAll(pod.getInitContainers());
            for (Container container : containers) {
                String where = name + "/" + container.getName();
                assertThat(container.getResources().getRequests()).as(where + " requests").containsKeys("cpu",
                        "memory");
                assertThat(container.getResources().getLimits()).as(where + " limits").containsKey("memory");
                SecurityContext security = container.getSecurityContext();
                assertThat(security).as(where + " securityContext").isNotNull();
                assertThat(security.getAllowPrivilegeEscalation()).as(where + " privilege escalation").isFalse();
                assertThat(security.getReadOnlyRootFilesystem()).as(where + " read-only root").isTrue();
                assertThat(security.getCapabilities().getDrop()).as(where + " capabilities").contains("ALL");
                assertThat(security.getCapabilities().getAdd()).as(where + " added capabilities").isNullOrEmpty();
            }
            for (Container container : pod.getContainers()) {
                String where = name + "/" + container.getName();
                assertThat(container.getReadinessProbe()).as(where + " readiness probe").isNotNull();
                assertThat(container.getLivenessProbe()).as(where + " liveness probe").isNotNull();
                for (Probe probe : Stream.of(container.getReadinessProbe(), container.getLivenessProbe(),
                        container.getStartupProbe()).filter(Objects::nonNull).toList()) {
                    assertThat(probe.getHttpGet()).as(where + " probes over HTTP").isNotNull();
                    assertThat(hasPort(container, probe.getHttpGet().getPort()))
                            .as(where + " probe port " + probe.getHttpGet().getPort()).isTrue();
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theServicesProbeQuarkusHealthEndpoints(Path overlay) {
        List<HasMetadata> objects = Kustomization.build(overlay);
        for (String service : SERVICES) {
            Container container = deployment(objects, service).getSpec().getTemplate().getSpec().getContainers()
                    .get(0);
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
            assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void servicesSelectPodsAndTheirPorts(Path overlay) {
        List<HasMetadata> objects = Kustomization.build(overlay);
        for (Service service : all(objects, Service.class)) {
            Map<String, String> selector = service.getSpec().getSelector();
            List<Deployment> selected = all(objects, Deployment.class).stream()
                    .filter(d -> d.getSpec().getTemplate().getMetadata().getLabels().entrySet()
                            .containsAll(selector.entrySet()))
                    .toList();
            assertThat(selected).as("pods of Service " + service.getMetadata().getName()).isNotEmpty();
            for (ServicePort port : service.getSpec().getPorts()) {
                for (Deployment deployment : selected) {
                    assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                            .anyMatch(container -> hasPort(container, port.getTargetPort())))
                            .as("Service %s port %s in %s", service.getMetadata().getName(), port.getTargetPort(),
                                    deployment.getMetadata().getName())
                            .isTrue();
                }
            }
        }
        for (Deployment deployment : all(objects, Deployment.class)) {
            assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels().entrySet())
                    .as("Deployment %s selects its own pods", deployment.getMetadata().getName())
                    .containsAll(deployment.getSpec().getSelector().getMatchLabels().entrySet());
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void onlyTheGatewayAndTheS3ServerAreRoutedFromOutside(Path overlay) {
        List<HasMetadata> objects = Kustomization.build(overlay);
        Set<String> routed = new TreeSet<>();
        for (Ingress ingress : all(objects, Ingress.class)) {
            ingress.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(path -> {
                IngressBackend backend = path.getBackend();
                Service service = all(objects, Service.class).stream()
                        .filter(s -> s.getMetadata().getName().equals(backend.getService().getName())).findFirst()
                        .orElseThrow(() -> new AssertionError("Ingress to a missing Service " + backend));
                assertThat(service.getSpec().getPorts()).extracting(ServicePort::getName)
                        .contains(backend.getService().getPort().getName());
                routed.add(service.getMetadata().getName());
            }));
        }
        assertThat(routed).contains("gateway-service").isSubsetOf("gateway-service", "s3proxy");
        for (Service service : all(objects, Service.class)) {
            assertThat(service.getSpec().getType()).as(service.getMetadata().getName() + " type")
                    .isIn(null, "ClusterIP");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void networkPoliciesDenyByDefaultAndSelectPodsThatExist(Path overlay) {
        List<HasMetadata> objects = Kustomization.build(overlay);
        List<NetworkPolicy> policies = all(objects, NetworkPolicy.class);
        assertThat(policies).as("a policy that denies all ingress by default")
                .anyMatch(policy -> isEmpty(policy.getSpec().getPodSelector().getMatchLabels())
                        && isEmpty(policy.getSpec().getIngress()));
        Set<Map.Entry<String, String>> podLabels = new HashSet<>();
        all(objects, Deployment.class).forEach(d -> podLabels.addAll(
                d.getSpec().getTemplate().getMetadata().getLabels().entrySet()));
        custom(objects, "Cluster").forEach(cluster -> podLabels.add(Map.entry("cnpg.io/cluster",
                cluster.getMetadata().getName())));
        for (NetworkPolicy policy : policies) {
            Map<String, String> selector = policy.getSpec().getPodSelector().getMatchLabels();
            if (!isEmpty(selector)) {
                assertThat(podLabels).as("pods of NetworkPolicy " + policy.getMetadata().getName())
                        .containsAll(selector.entrySet());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void autoscalersAndDisruptionBudgetsTargetDeployments(Path overlay) {
        List<HasMetadata> objects = Kustomization.build(overlay);
        for (HorizontalPodAutoscaler autoscaler : all(objects, HorizontalPodAutoscaler.class)) {
            Deployment target = deployment(objects, autoscaler.getSpec().getScaleTargetRef().getName());
            assertThat(autoscaler.getSpec().getMinReplicas()).isLessThanOrEqualTo(autoscaler.getSpec()
                    .getMaxReplicas());
            assertThat(target.getSpec().getTemplate().getSpec().getContainers().get(0).getResources().getRequests())
                    .as("CPU utilisation needs a CPU request").containsKey("cpu");
        }
        for (PodDisruptionBudget budget : all(objects, PodDisruptionBudget.class)) {
            assertThat(all(objects, Deployment.class)).as("pods of PodDisruptionBudget "
                    + budget.getMetadata().getName())
                    .anyMatch(d -> d.getSpec().getTemplate().getMetadata().getLabels().entrySet()
                            .containsAll(budget.getSpec().getSelector().getMatchLabels().entrySet())
                            && d.getSpec().getReplicas() > budget.getSpec().getMinAvailable().getIntVal());
        }
        assertThat(all(objects, HorizontalPodAutoscaler.class)).extracting(h -> h.getSpec().getScaleTargetRef()
                .getName()).contains("gateway-service");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyTopicTheCodeUsesIsDeclaredAsTheLocalBrokerHasIt(Path overlay) throws IllegalAccessException {
        List<HasMetadata> objects = Kustomization.build(overlay);
        Map<String, Integer> declared = custom(objects, "KafkaTopic").stream().collect(Collectors.toMap(
                topic -> topicName(topic), topic -> (Integer) spec(topic).get("partitions")));

        Set<String> used = new TreeSet<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                used.add((String) field.get(null));
            }
        }
        for (String service : SERVICES) {
            ServiceConfig config = ServiceConfig.of(ROOT, service);
            for (String consumed : config.consumedTopicsAndGroups().keySet()) {
                used.add(consumed);
                used.add(Topics.deadLetter(consumed));
            }
            config.properties().forEach((key, value) -> {
                if (key.endsWith("reply-topic")) {
                    used.add(value);
                }
            });
        }
        assertThat(declared.keySet()).containsAll(used);
        Map<String, Integer> local = LocalTopics.ALL.stream()
                .collect(Collectors.toMap(LocalTopics.Topic::name, LocalTopics.Topic::partitions));
        assertThat(declared).as("the cluster's topics are the local broker's").isEqualTo(local);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void eachServiceHasAKafkaUserAllowedExactlyItsTopicsAndGroup(Path overlay) {
        List<HasMetadata> objects = Kustomization.build(overlay);
        Set<String> declared = custom(objects, "KafkaTopic").stream().map(OverlaysTest::topicName)
                .collect(Collectors.toSet());
        for (GenericKubernetesResource user : custom(objects, "KafkaUser")) {
            for (Map<String, Object> acl : acls(user)) {
                @SuppressWarnings("unchecked")
                Map<String, Object> resource = (Map<String, Object>) acl.get("resource");
                if ("topic".equals(resource.get("type"))) {
                    assertThat(declared).as("a topic of KafkaUser " + user.getMetadata().getName())
                            .contains((String) resource.get("name"));
                }
            }
        }
        for (String service : SERVICES) {
            GenericKubernetesResource user = custom(objects, "KafkaUser").stream()
                    .filter(u -> u.getMetadata().getName().equals(service)).findFirst()
                    .orElseThrow(() -> new AssertionError("no KafkaUser " + service));
            ServiceConfig.of(ROOT, service).consumedTopicsAndGroups().forEach((topic, group) -> {
                assertThat(allowed(user, "topic", topic)).as(service + " reads " + topic).contains("Read");
                assertThat(allowed(user, "group", group)).as(service + " joins " + group).contains("Read");
                assertThat(allowed(user, "topic", Topics.deadLetter(topic))).as(service + " dead-letters " + topic)
                        .contains("Write");
            });
        }
        assertThat(allowed(userNamed(objects, "gateway-service"), "topic", Topics.GATEWAY_REPLIES)).contains("Read");
        for (String service : List.of("sequence-service", "content-service", "enrollment-service")) {
            assertThat(allowed(userNamed(objects, service), "topic", Topics.GATEWAY_REPLIES))
                    .as(service + " replies").contains("Write");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyVariableADeploymentSetsIsReadByItsServiceAndEveryRequiredOneIsSet(Path overlay) {
        List<HasMetadata> objects = Kustomization.build(overlay);
        for (String service : SERVICES) {
            ServiceConfig config = ServiceConfig.of(ROOT, service);
            Container container = deployment(objects, service).getSpec().getTemplate().getSpec().getContainers()
                    .get(0);
            Set<String> set = new TreeSet<>();
            container.getEnv().stream().map(EnvVar::getName).forEach(set::add);
            for (EnvFromSource source : container.getEnvFrom()) {
                if (source.getConfigMapRef() != null) {
                    ConfigMap map = all(objects, ConfigMap.class).stream()
                            .filter(m -> m.getMetadata().getName().equals(source.getConfigMapRef().getName()))
                            .findFirst().orElseThrow(() -> new AssertionError(service + " reads a missing ConfigMap "
                                    + source.getConfigMapRef().getName()));
                    set.addAll(map.getData().keySet());
                }
            }
            assertThat(config.readableVariables()).as(service + " reads every variable its Deployment sets")
                    .containsAll(set);
            Set<String> required = new TreeSet<>(config.requiredVariables());
            required.addAll(ALSO_REQUIRED.getOrDefault(service, Set.of()));
            assertThat(set).as(service + " gets every setting the cluster must provide").containsAll(required);
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everySecretReadIsMadeByAnOperatorOrDocumentedForTheOperatorToCreate(Path overlay) throws Exception {
        List<HasMetadata> objects = Kustomization.build(overlay);
        Set<String> made = new TreeSet<>(OPERATOR_SECRETS);
        custom(objects, "KafkaUser").forEach(user -> made.add(user.getMetadata().getName()));
        custom(objects, "Kafka").forEach(kafka -> made.add(kafka.getMetadata().getName() + "-cluster-ca-cert"));
        custom(objects, "Cluster").forEach(cluster -> made.add(cluster.getMetadata().getName() + "-app"));
        String readme = Files.readString(ROOT.resolve("README.md"));
        OPERATOR_SECRETS.forEach(secret -> assertThat(readme).as("the README says how to create " + secret)
                .contains("kubectl create secret generic " + secret));
        for (Deployment deployment : all(objects, Deployment.class)) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            List<Container> containers = new ArrayList<>(pod.getContainers());
            containers.addAll(pod.getInitContainers());
            for (Container container : containers) {
                container.getEnv().stream().filter(env -> env.getValueFrom() != null
                        && env.getValueFrom().getSecretKeyRef() != null)
                        .forEach(env -> assertThat(made).as(env.getName() + " of " + deployment.getMetadata()
                                .getName()).contains(env.getValueFrom().getSecretKeyRef().getName()));
                container.getEnvFrom().stream().filter(from -> from.getSecretRef() != null)
                        .forEach(from -> assertThat(made).contains(from.getSecretRef().getName()));
            }
            pod.getVolumes().stream().filter(volume -> volume.getSecret() != null)
                    .forEach(volume -> assertThat(made).contains(volume.getSecret().getSecretName()));
            String serviceAccount = pod.getServiceAccountName();
            if (serviceAccount != null) {
                assertThat(all(objects, ServiceAccount.class)).extracting(sa -> sa.getMetadata().getName())
                        .as("ServiceAccount of " + deployment.getMetadata().getName()).contains(serviceAccount);
            }
        }
    }

    private static boolean isEmpty(Object mapOrList) {
        return mapOrList == null || (mapOrList instanceof Map<?, ?> map && map.isEmpty())
                || (mapOrList instanceof List<?> list && list.isEmpty());
    }

    private static GenericKubernetesResource userNamed(List<HasMetadata> objects, String name) {
        return custom(objects, "KafkaUser").stream().filter(u -> u.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> spec(GenericKubernetesResource resource) {
        return (Map<String, Object>) resource.getAdditionalProperties().get("spec");
    }

    private static String topicName(GenericKubernetesResource topic) {
        Object name = spec(topic).get("topicName");
        return name == null ? topic.getMetadata().getName() : name.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> acls(GenericKubernetesResource user) {
        Map<String, Object> authorization = (Map<String, Object>) spec(user).get("authorization");
        return (List<Map<String, Object>>) authorization.get("acls");
    }

    @SuppressWarnings("unchecked")
    private static Set<String> allowed(GenericKubernetesResource user, String type, String name) {
        Set<String> operations = new TreeSet<>();
        for (Map<String, Object> acl : acls(user)) {
            Map<String, Object> resource = (Map<String, Object>) acl.get("resource");
            if (type.equals(resource.get("type")) && name.equals(resource.get("name"))) {
                operations.addAll((List<String>) acl.get("operations"));
            }
        }
        return operations;
    }

    private static boolean hasPort(Container container, IntOrString port) {
        for (ContainerPort declared : container.getPorts()) {
            if (port.getStrVal() != null
                    ? port.getStrVal().equals(declared.getName())
                    : Objects.equals(port.getIntVal(), declared.getContainerPort())) {
                return true;
            }
        }
        return false;
    }

    private static Path projectRoot() {
        Path candidate = Path.of("").toAbsolutePath();
        while (candidate != null && !Files.exists(candidate.resolve("gateway-service/pom.xml"))) {
            candidate = candidate.getParent();
        }
        return Objects.requireNonNull(candidate, "run from the repository");
    }
}
