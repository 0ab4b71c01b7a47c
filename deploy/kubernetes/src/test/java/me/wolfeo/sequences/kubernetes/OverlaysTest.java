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
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import me.wolfeo.sequences.local.LocalTopics;
import me.wolfeo.sequences.platform.contract.Topics;

/**
 * Renders every overlay with {@code kubectl kustomize} (what {@code kubectl apply -k} sends), validates each object
 * against the schema of its kind in the releases the README names, and checks, without a cluster, what would break a
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
    static final Schemas SCHEMAS = Schemas.load(KUBERNETES.resolve("src/test/resources/schemas"));
    /** How the README names the products whose schemas are kept, by the folder name's prefix. */
    static final Map<String, String> PRODUCTS = Map.of("kubernetes", "Kubernetes", "strimzi", "Strimzi",
            "cloudnative-pg", "CloudNativePG", "prometheus-operator", "Prometheus Operator");
    /**
     * Connections a database keeps besides the services' pools: the superuser's reserve (3), the operator's and the
     * replicas', and a person's psql.
     */
    static final int CONNECTION_RESERVE = 10;
    /** The largest request body the API accepts (the README's PAYLOAD_TOO_LARGE). */
    static final long API_BODY_LIMIT = 2L * 1024 * 1024;
    static final String ACME_SOLVER_LABEL = "acme.cert-manager.io/http01-solver";
    /** Where Prometheus (kube-prometheus-stack) runs; the README says so. */
    static final String PROMETHEUS_NAMESPACE = "observability";
    /** The gateway's paths under /q/ that the internet may reach (the README's API document); no other. */
    static final Set<String> PUBLIC_QUARKUS_PATHS = Set.of("/q/openapi", "/q/swagger-ui");

    static Stream<Path> overlays() {
        List<Path> overlays = Kustomization.overlays(KUBERNETES);
        assertThat(overlays).extracting(path -> path.getFileName().toString())
                .contains("development", "production");
        return overlays.stream();
    }

    private static List<HasMetadata> objects(Path overlay) {
        return Kustomization.build(overlay).objects();
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
    void everyObjectMatchesTheSchemaOfItsKindInTheReleasesTheReadmeNames(Path overlay) throws Exception {
        List<String> errors = new ArrayList<>();
        for (JsonNode object : Kustomization.build(overlay).documents()) {
            String name = object.path("kind").asText() + "/" + object.path("metadata").path("name").asText();
            SCHEMAS.errors(object).forEach(error -> errors.add(name + ": " + error));
        }
        assertThat(errors).as("schema errors in " + overlay.getFileName()).isEmpty();
        String readme = Files.readString(ROOT.resolve("README.md"));
        for (String release : SCHEMAS.releases()) {
            String product = release.substring(0, release.lastIndexOf('-'));
            String version = release.substring(release.lastIndexOf('-') + 1);
            String named = PRODUCTS.get(product) + " " + version;
            assertThat(readme.contains(named)).as("the README names %s, whose schemas the test uses", named).isTrue();
        }
    }

    @Test
    void anObjectOfAKindWithoutASchemaOrWithAnUnknownFieldFailsTheSchemaCheck() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode monitor = json.readTree("""
                {"apiVersion": "monitoring.coreos.com/v1", "kind": "PodMonitor", "metadata": {"name": "a"},
                 "spec": {"selector": {}, "podMetricsEndpoints": [{"port": "http", "path": "/q/metrics"}]}}""");
        assertThat(SCHEMAS.errors(monitor)).isEmpty();
        assertThat(SCHEMAS.errors(json.readTree(monitor.toString().replace("\"path\"", "\"paht\"")))).isNotEmpty();
        assertThat(SCHEMAS.errors(json.readTree(monitor.toString().replace("PodMonitor", "ServiceMonitor"))))
                .singleElement().asString().startsWith("no schema for monitoring.coreos.com/v1/ServiceMonitor");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyObjectIsInTheOverlaysNamespace(Path overlay) {
        List<HasMetadata> objects = objects(overlay);

        String namespace = objects.stream().filter(object -> !"Namespace".equals(object.getKind()))
                .map(object -> object.getMetadata().getNamespace()).distinct().collect(Collectors.joining(","));
        assertThat(namespace).as("one namespace for every object").doesNotContain(",").isNotBlank();
        assertThat(all(objects, Namespace.class)).extracting(n -> n.getMetadata().getName()).contains(namespace);
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
        for (Deployment deployment : all(objects(overlay), Deployment.class)) {
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
        List<HasMetadata> objects = objects(overlay);
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
        List<HasMetadata> objects = objects(overlay);
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
        List<HasMetadata> objects = objects(overlay);
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
        List<HasMetadata> objects = objects(overlay);
        List<NetworkPolicy> policies = all(objects, NetworkPolicy.class);
        assertThat(policies).as("a policy that denies all ingress by default")
                .anyMatch(policy -> isEmpty(policy.getSpec().getPodSelector().getMatchLabels())
                        && isEmpty(policy.getSpec().getIngress()));
        Set<Map.Entry<String, String>> podLabels = new HashSet<>();
        all(objects, Deployment.class).forEach(d -> podLabels.addAll(
                d.getSpec().getTemplate().getMetadata().getLabels().entrySet()));
        custom(objects, "Cluster").forEach(cluster -> podLabels.add(Map.entry("cnpg.io/cluster",
                cluster.getMetadata().getName())));
        if (usesCertManager(objects)) {
            podLabels.add(Map.entry(ACME_SOLVER_LABEL, "true"));
        }
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
        List<HasMetadata> objects = objects(overlay);
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
                            && minimumReplicas(objects, d) > budget.getSpec().getMinAvailable().getIntVal());
        }
        assertThat(all(objects, HorizontalPodAutoscaler.class)).extracting(h -> h.getSpec().getScaleTargetRef()
                .getName()).contains("gateway-service");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyTopicTheCodeUsesIsDeclaredAsTheLocalBrokerHasIt(Path overlay) throws IllegalAccessException {
        List<HasMetadata> objects = objects(overlay);
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
        List<HasMetadata> objects = objects(overlay);
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
        List<HasMetadata> objects = objects(overlay);
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
        List<HasMetadata> objects = objects(overlay);
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

    @ParameterizedTest
    @MethodSource("overlays")
    void noDeploymentThatAnAutoscalerScalesSetsItsReplicas(Path overlay) {
        List<HasMetadata> objects = objects(overlay);
        for (HorizontalPodAutoscaler autoscaler : all(objects, HorizontalPodAutoscaler.class)) {
            Deployment target = deployment(objects, autoscaler.getSpec().getScaleTargetRef().getName());
            assertThat(target.getSpec().getReplicas())
                    .as("replicas of %s: every apply would reset the autoscaler's scale",
                            target.getMetadata().getName())
                    .isNull();
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyDatabaseHoldsThePoolsOfEveryPodItsServicesCanRun(Path overlay) {
        List<HasMetadata> objects = objects(overlay);
        Map<String, Integer> needed = new TreeMap<>();
        for (String service : SERVICES) {
            Deployment deployment = deployment(objects, service);
            String url = setting(deployment, ServiceConfig.of(ROOT, service), "quarkus.datasource.jdbc.url");
            Matcher host = Pattern.compile("jdbc:postgresql://([^:/]+)-rw[:/].*").matcher(url);
            assertThat(host.matches()).as(service + " connects to a CloudNativePG cluster's -rw Service: " + url)
                    .isTrue();
            int pool = Integer.parseInt(setting(deployment, ServiceConfig.of(ROOT, service),
                    "quarkus.datasource.jdbc.max-size"));
            needed.merge(host.group(1), maximumPods(objects, deployment) * pool, Integer::sum);
        }
        for (GenericKubernetesResource cluster : custom(objects, "Cluster")) {
            String name = cluster.getMetadata().getName();
            assertThat(needed).as("a service uses the database " + name).containsKey(name);
            int maxConnections = Integer.parseInt(String.valueOf(path(spec(cluster), "postgresql", "parameters")
                    .getOrDefault("max_connections", "100")));
            assertThat(needed.get(name) + CONNECTION_RESERVE)
                    .as("%s: pods x pool (%s) + reserve (%s) <= max_connections", name, needed.get(name),
                            CONNECTION_RESERVE)
                    .isLessThanOrEqualTo(maxConnections);
        }
        assertThat(custom(objects, "Cluster")).extracting(c -> c.getMetadata().getName())
                .containsAll(needed.keySet());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void consumersAtFullScaleStayWithinTheirTopicsPartitions(Path overlay) {
        List<HasMetadata> objects = objects(overlay);
        Map<String, Integer> partitions = custom(objects, "KafkaTopic").stream().collect(Collectors.toMap(
                OverlaysTest::topicName, topic -> (Integer) spec(topic).get("partitions")));
        for (String service : SERVICES) {
            ServiceConfig config = ServiceConfig.of(ROOT, service);
            Deployment deployment = deployment(objects, service);
            int pods = maximumReplicas(objects, deployment);
            config.properties().forEach((key, topic) -> {
                Matcher channel = Pattern.compile("mp\\.messaging\\.incoming\\.([^.$]+)\\.topic").matcher(key);
                if (!channel.matches() || partitions.getOrDefault(topic, 1) == 1) {
                    return; // one partition: one consumer of the group reads it, by design
                }
                String concurrency = setting(deployment, config, "mp.messaging.incoming." + channel.group(1)
                        + ".concurrency");
                int consumers = pods * (concurrency == null ? 1 : Integer.parseInt(concurrency));
                assertThat(consumers).as("%s: %s pods x the concurrency of %s against the %s partitions of %s",
                        service, pods, channel.group(1), partitions.get(topic), topic)
                        .isLessThanOrEqualTo(partitions.get(topic));
            });
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theKafkaVersionIsTheLocalBrokersOrTheClosestTheStrimziReleaseRuns(Path overlay) throws Exception {
        Map<String, String> supported = new TreeMap<>();
        Path versions = Files.list(KUBERNETES.resolve("src/test/resources/schemas"))
                .filter(folder -> folder.getFileName().toString().startsWith("strimzi-")).findFirst().orElseThrow()
                .resolve("kafka-versions.txt");
        Files.readAllLines(versions).stream().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.trim().split("\\s+")).forEach(fields -> supported.put(fields[0], fields[1]));
        Matcher local = Pattern.compile("<kafka\\.version>([^<]+)</kafka\\.version>")
                .matcher(Files.readString(ROOT.resolve("deploy/local/server-artifacts/pom.xml")));
        assertThat(local.find()).isTrue();
        String expected = supported.containsKey(local.group(1))
                ? local.group(1)
                : supported.keySet().stream().filter(version -> compareVersions(version, local.group(1)) > 0)
                        .min(OverlaysTest::compareVersions).orElseThrow();
        for (GenericKubernetesResource kafka : custom(objects(overlay), "Kafka")) {
            Map<String, Object> broker = path(spec(kafka), "kafka");
            assertThat(broker.get("version")).as("Kafka version (the local broker runs " + local.group(1) + ")")
                    .isEqualTo(expected);
            assertThat(broker.get("metadataVersion")).isEqualTo(supported.get(expected));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyImageIsPinnedToAVersion(Path overlay) {
        for (Deployment deployment : all(objects(overlay), Deployment.class)) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            Stream.concat(pod.getContainers().stream(), pod.getInitContainers().stream()).forEach(container -> {
                String image = container.getImage();
                String tag = image.contains("@")
                        ? "digest"
                        : image.substring(image.lastIndexOf('/') + 1).contains(":")
                                ? image.substring(image.lastIndexOf(':') + 1)
                                : "";
                assertThat(tag).as("the version of " + image).isNotBlank().isNotEqualTo("latest");
            });
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theRouteToTheGatewayTakesTheBodiesTheApiAccepts(Path overlay) {
        for (Ingress ingress : all(objects(overlay), Ingress.class)) {
            boolean toGateway = ingress.getSpec().getRules().stream().flatMap(rule -> rule.getHttp().getPaths()
                    .stream()).anyMatch(path -> "gateway-service".equals(path.getBackend().getService().getName()));
            if (toGateway) {
                String size = ingress.getMetadata().getAnnotations() == null
                        ? null
                        : ingress.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/proxy-body-size");
                assertThat(size).as("Ingress %s sets ingress-nginx's body limit (1 MiB by default)",
                        ingress.getMetadata().getName()).isNotNull();
                assertThat(bytes(size)).as("Ingress %s body limit %s", ingress.getMetadata().getName(), size)
                        .isGreaterThanOrEqualTo(API_BODY_LIMIT);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theGatewaysIngressRoutesThePublicPathsButNotTheServicesInternals(Path overlay) throws Exception {
        List<HTTPIngressPath> routes = all(objects(overlay), Ingress.class).stream()
                .flatMap(ingress -> ingress.getSpec().getRules().stream()).filter(rule -> rule.getHttp() != null)
                .flatMap(rule -> rule.getHttp().getPaths().stream())
                .filter(path -> "gateway-service".equals(path.getBackend().getService().getName())).toList();
        assertThat(routes).as("routes to the gateway in " + overlay.getFileName()).isNotEmpty();

        Set<String> routed = new TreeSet<>(List.of("/", "/q/openapi", "/q/swagger-ui", "/q/swagger-ui/index.html"));
        @SuppressWarnings("unchecked")
        Map<String, Object> document = new KubernetesSerialization().unmarshal(
                Files.readString(ROOT.resolve("gateway-service/src/main/resources/META-INF/openapi.yaml")), Map.class);
        path(document, "paths").keySet().forEach(path -> routed.add(path.replaceAll("\\{[^}]+}", "1")));
        // the web dashboard's files (Quarkus serves META-INF/resources at the root, index.html at /)
        Path dashboard = ROOT.resolve("gateway-service/src/main/resources/META-INF/resources");
        if (Files.isDirectory(dashboard)) {
            try (Stream<Path> files = Files.walk(dashboard)) {
                files.filter(Files::isRegularFile).map(file -> "/" + dashboard.relativize(file).toString()
                        .replace('\\', '/')).map(path -> path.equals("/index.html") ? "/" : path).forEach(routed::add);
            }
        }
        assertThat(routed).as("the API document's paths").anyMatch(path -> path.startsWith("/v1/"))
                .anyMatch(path -> path.startsWith("/api/v1/")).anyMatch(path -> path.startsWith("/admin/v1/"));
        for (String path : routed) {
            assertThat(routes).as("the Ingress routes " + path + " to the gateway")
                    .anyMatch(route -> ingressMatches(route, path));
        }
        for (String path : List.of("/q/metrics", "/q/health", "/q/health/ready", "/q/health/live", "/q/dev-ui",
                "/q/info", "/q", "/metrics", "/internal/v1/accounts/1")) {
            assertThat(routes).as("the Ingress keeps " + path + " inside the cluster")
                    .noneMatch(route -> ingressMatches(route, path));
        }
        for (HTTPIngressPath route : routes) {
            if (route.getPath().equals("/q") || route.getPath().startsWith("/q/")) {
                assertThat(PUBLIC_QUARKUS_PATHS).as("a public path under /q/").contains(route.getPath());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void prometheusScrapesEveryServiceWhereItServesItsMetrics(Path overlay) {
        List<HasMetadata> objects = objects(overlay);
        for (String service : SERVICES) {
            Deployment deployment = deployment(objects, service);
            ServiceConfig config = ServiceConfig.of(ROOT, service);
            // Quarkus serves /q/metrics on its management interface when that is enabled, else on the HTTP port.
            String served = Boolean.parseBoolean(setting(deployment, config, "quarkus.management.enabled"))
                    ? Objects.requireNonNullElse(setting(deployment, config, "quarkus.management.port"), "9000")
                    : setting(deployment, config, "quarkus.http.port");
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            ContainerPort port = container.getPorts().stream()
                    .filter(declared -> String.valueOf(declared.getContainerPort()).equals(served)).findFirst()
                    .orElseThrow(() -> new AssertionError(service + " declares no container port " + served));
            Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            List<Map<String, Object>> endpoints = new ArrayList<>();
            for (GenericKubernetesResource monitor : custom(objects, "PodMonitor")) {
                Map<String, Object> matchLabels = path(spec(monitor), "selector", "matchLabels");
                if (!matchLabels.isEmpty() && labels.entrySet().containsAll(matchLabels.entrySet())) {
                    endpoints.addAll(podMetricsEndpoints(monitor));
                }
            }
            assertThat(endpoints).as("a PodMonitor scrapes %s at /q/metrics on port %s (%s)", service,
                    port.getName(), served).anyMatch(
                            endpoint -> "/q/metrics".equals(endpoint.get("path"))
                                    && port.getName().equals(endpoint.get("port")));
            assertThat(all(objects, NetworkPolicy.class))
                    .as("a policy admits Prometheus of the namespace %s to %s's port %s", PROMETHEUS_NAMESPACE,
                            service, served)
                    .anyMatch(policy -> admitsPrometheus(policy, labels, port));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void grafanasSidecarFindsTheDashboard(Path overlay) throws Exception {
        String dashboard = Files.readString(KUBERNETES.resolve("base/monitoring/grafana-dashboard.json"));
        assertThat(all(objects(overlay), ConfigMap.class)).as("a ConfigMap labelled grafana_dashboard=1 holds it")
                .anyMatch(map -> map.getMetadata().getLabels() != null
                        && "1".equals(map.getMetadata().getLabels().get("grafana_dashboard"))
                        && map.getData().values().contains(dashboard));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void certManagersChallengeSolverIsReachableFromTheIngressController(Path overlay) {
        List<HasMetadata> objects = objects(overlay);
        if (!usesCertManager(objects)) {
            return;
        }
        assertThat(all(objects, NetworkPolicy.class)).as("a policy admits the HTTP-01 solver's port 8089")
                .anyMatch(policy -> "true".equals(labels(policy).get(ACME_SOLVER_LABEL))
                        && policy.getSpec().getIngress().stream().anyMatch(rule -> rule.getPorts().stream()
                                .anyMatch(port -> port.getPort().getIntVal() == 8089)
                                && rule.getFrom().stream().anyMatch(peer -> peer.getNamespaceSelector() != null
                                        && "ingress-nginx".equals(peer.getNamespaceSelector().getMatchLabels()
                                                .get("kubernetes.io/metadata.name")))));
    }

    /** Whether the policy lets the namespace of Prometheus reach this port of the pods with these labels. */
    private static boolean admitsPrometheus(NetworkPolicy policy, Map<String, String> labels, ContainerPort port) {
        Map<String, String> namespace = Map.of("kubernetes.io/metadata.name", PROMETHEUS_NAMESPACE);
        return selects(policy.getSpec().getPodSelector(), labels) && policy.getSpec().getIngress().stream()
                .anyMatch(rule -> rule.getFrom().stream().anyMatch(peer -> peer.getNamespaceSelector() != null
                        && selects(peer.getNamespaceSelector(), namespace))
                        && rule.getPorts().stream().anyMatch(allowed -> allowed.getPort().getStrVal() != null
                                ? allowed.getPort().getStrVal().equals(port.getName())
                                : allowed.getPort().getIntVal().equals(port.getContainerPort())));
    }

    /** Whether an Ingress path sends the request path to its backend (Kubernetes' Exact and Prefix rules). */
    private static boolean ingressMatches(HTTPIngressPath route, String path) {
        String rule = route.getPath();
        return switch (route.getPathType()) {
            case "Exact" -> path.equals(rule);
            // element by element: /v1 takes /v1 and /v1/sequence, not /v10
            case "Prefix" -> rule.equals("/") || path.equals(rule.replaceAll("/$", ""))
                    || path.startsWith(rule.replaceAll("/$", "") + "/");
            default -> throw new AssertionError("pathType " + route.getPathType() + " of " + rule
                    + ": ImplementationSpecific depends on the controller");
        };
    }

    /** Whether a pod with these labels is selected (matchLabels, and matchExpressions In, NotIn, Exists). */
    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector.getMatchLabels() != null && !labels.entrySet().containsAll(selector.getMatchLabels().entrySet())) {
            return false;
        }
        return selector.getMatchExpressions() == null || selector.getMatchExpressions().stream()
                .allMatch(expression -> switch (expression.getOperator()) {
                    case "In" -> expression.getValues().contains(labels.get(expression.getKey()));
                    case "NotIn" -> !expression.getValues().contains(labels.get(expression.getKey()));
                    case "Exists" -> labels.containsKey(expression.getKey());
                    default -> !labels.containsKey(expression.getKey());
                });
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> podMetricsEndpoints(GenericKubernetesResource monitor) {
        return (List<Map<String, Object>>) spec(monitor).getOrDefault("podMetricsEndpoints", List.of());
    }

    private static Map<String, String> labels(NetworkPolicy policy) {
        Map<String, String> labels = policy.getSpec().getPodSelector().getMatchLabels();
        return labels == null ? Map.of() : labels;
    }

    private static boolean usesCertManager(List<HasMetadata> objects) {
        return all(objects, Ingress.class).stream().anyMatch(ingress -> ingress.getMetadata().getAnnotations() != null
                && ingress.getMetadata().getAnnotations().keySet().stream()
                        .anyMatch(key -> key.startsWith("cert-manager.io/")));
    }

    /** A setting as the Deployment's container sees it: its environment variable, else the service's default. */
    private static String setting(Deployment deployment, ServiceConfig config, String property) {
        String variable = ServiceConfig.environmentName(property);
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .filter(env -> env.getName().equals(variable) && env.getValue() != null).map(EnvVar::getValue)
                .findFirst().orElse(config.properties().get(property));
    }

    private static Optional<HorizontalPodAutoscaler> autoscalerOf(List<HasMetadata> objects, Deployment deployment) {
        return all(objects, HorizontalPodAutoscaler.class).stream().filter(h -> h.getSpec().getScaleTargetRef()
                .getName().equals(deployment.getMetadata().getName())).findFirst();
    }

    private static int minimumReplicas(List<HasMetadata> objects, Deployment deployment) {
        return autoscalerOf(objects, deployment).map(h -> h.getSpec().getMinReplicas())
                .orElseGet(() -> Objects.requireNonNullElse(deployment.getSpec().getReplicas(), 1));
    }

    private static int maximumReplicas(List<HasMetadata> objects, Deployment deployment) {
        return autoscalerOf(objects, deployment).map(h -> h.getSpec().getMaxReplicas())
                .orElseGet(() -> Objects.requireNonNullElse(deployment.getSpec().getReplicas(), 1));
    }

    /** The most pods of the Deployment that run at once: its largest scale, plus the rolling update's surge. */
    private static int maximumPods(List<HasMetadata> objects, Deployment deployment) {
        int replicas = maximumReplicas(objects, deployment);
        var strategy = deployment.getSpec().getStrategy();
        if (strategy == null || !"RollingUpdate".equals(strategy.getType()) || strategy.getRollingUpdate() == null) {
            return replicas + (strategy != null && "Recreate".equals(strategy.getType()) ? 0 : 1);
        }
        IntOrString surge = strategy.getRollingUpdate().getMaxSurge();
        if (surge == null) {
            return replicas + (int) Math.ceil(replicas * 0.25);
        }
        return replicas + (surge.getStrVal() != null
                ? (int) Math.ceil(replicas * Integer.parseInt(surge.getStrVal().replace("%", "")) / 100.0)
                : surge.getIntVal());
    }

    /** An ingress-nginx size: 4m, 512k, 1g or bytes. */
    private static long bytes(String size) {
        Matcher matcher = Pattern.compile("(\\d+)([kKmMgG]?)").matcher(size.trim());
        assertThat(matcher.matches()).as("a size: " + size).isTrue();
        long value = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2).toLowerCase()) {
            case "k" -> value * 1024;
            case "m" -> value * 1024 * 1024;
            case "g" -> value * 1024 * 1024 * 1024;
            default -> value;
        };
    }

    private static int compareVersions(String left, String right) {
        String[] a = left.split("\\.");
        String[] b = right.split("\\.");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int difference = Integer.compare(i < a.length ? Integer.parseInt(a[i]) : 0,
                    i < b.length ? Integer.parseInt(b[i]) : 0);
            if (difference != 0) {
                return difference;
            }
        }
        return 0;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> path(Map<String, Object> map, String... keys) {
        Map<String, Object> current = map;
        for (String key : keys) {
            Object next = current == null ? null : current.get(key);
            current = next instanceof Map<?, ?> nested ? (Map<String, Object>) nested : Map.of();
        }
        return current;
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
