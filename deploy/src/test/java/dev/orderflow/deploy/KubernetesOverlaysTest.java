package dev.orderflow.deploy;

import static dev.orderflow.deploy.Manifests.containers;
import static dev.orderflow.deploy.Manifests.describe;
import static dev.orderflow.deploy.Manifests.elements;
import static dev.orderflow.deploy.Manifests.name;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Renders every overlay under deploy/k8s/overlays with kubectl and checks what docs/deploy.md says of it: probes and
 * resources on every container, each service's image and port, its Service, disruption budget and scaler, where its
 * settings and credentials come from, and the dependencies each overlay runs.
 */
class KubernetesOverlaysTest {

    private static final Pattern CREDENTIAL_KEY = Pattern.compile("(?i).*(pass|uri|key|secret|token).*");

    // ---------------------------------------------------------------------------------------------------------------
    // Every overlay
    // ---------------------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @EnumSource(Overlay.class)
    void everyContainerHasStartupReadinessAndLivenessProbes(Overlay overlay) {
        List<String> problems = new ArrayList<>();
        for (JsonNode deployment : Kustomize.render(overlay).ofKind("Deployment")) {
            for (JsonNode container : containers(deployment)) {
                for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                    if (container.path(probe).isMissingNode()) {
                        problems.add(describe(deployment) + ", container " + name(container) + ": no " + probe);
                    }
                }
            }
        }
        assertNoProblems(overlay, problems);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Overlay.class)
    void everyContainerRequestsAndLimitsCpuAndMemory(Overlay overlay) {
        List<String> problems = new ArrayList<>();
        for (JsonNode deployment : Kustomize.render(overlay).ofKind("Deployment")) {
            for (JsonNode container : containers(deployment)) {
                for (String bound : List.of("requests", "limits")) {
                    for (String resource : List.of("cpu", "memory")) {
                        if (container.path("resources").path(bound).path(resource).asText().isBlank()) {
                            problems.add(describe(deployment) + ", container " + name(container) + ": no " + resource
                                    + " in resources." + bound);
                        }
                    }
                }
            }
        }
        assertNoProblems(overlay, problems);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Overlay.class)
    void eachServiceRunsItsOwnImageOnItsOwnPort(Overlay overlay) {
        Manifests manifests = Kustomize.render(overlay);
        assertEquals(Set.copyOf(OrderflowService.ids()), Set.copyOf(names(manifests.ofKind("Deployment"))),
                overlay + ": one Deployment per service, and no other");
        for (OrderflowService service : OrderflowService.values()) {
            JsonNode container = container(manifests, service);
            String image = container.path("image").asText();
            assertTrue(repository(image).endsWith("/" + service.imageName()),
                    overlay + ": " + service.id() + " runs image " + image + ", not its own " + service.imageName());
            List<Integer> ports = elements(container.path("ports")).stream()
                    .map(port -> port.path("containerPort").asInt()).toList();
            assertEquals(List.of(service.port()), ports, overlay + ": " + service.id() + "'s container ports");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Overlay.class)
    void probesAskTheServiceHealthEndpointsOnItsPort(Overlay overlay) {
        Map<String, String> paths = Map.of("startupProbe", "/q/health/started", "readinessProbe", "/q/health/ready",
                "livenessProbe", "/q/health/live");
        Manifests manifests = Kustomize.render(overlay);
        for (OrderflowService service : OrderflowService.values()) {
            JsonNode container = container(manifests, service);
            paths.forEach((probe, path) -> {
                JsonNode get = container.path(probe).path("httpGet");
                assertEquals(path, get.path("path").asText(), overlay + ": " + service.id() + "'s " + probe + " path");
                assertEquals(service.port(), containerPort(container, get.path("port")),
                        overlay + ": " + service.id() + "'s " + probe + " port");
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Overlay.class)
    void eachServiceIsReachableThroughAServiceOnItsPort(Overlay overlay) {
        Manifests manifests = Kustomize.render(overlay);
        for (OrderflowService service : OrderflowService.values()) {
            JsonNode deployment = manifests.get("Deployment", service.id());
            JsonNode kubernetesService = manifests.get("Service", service.id());
            assertTrue(selects(kubernetesService.path("spec").path("selector"), deployment), overlay + ": Service "
                    + service.id() + " selects the pods of Deployment " + service.id());
            List<JsonNode> ports = elements(kubernetesService.path("spec").path("ports"));
            assertEquals(1, ports.size(), overlay + ": Service " + service.id() + " has one port");
            assertEquals(service.port(), ports.get(0).path("port").asInt(),
                    overlay + ": Service " + service.id() + " listens on the service's own port");
            assertEquals(service.port(), containerPort(container(manifests, service), ports.get(0).path("targetPort")),
                    overlay + ": Service " + service.id() + " forwards to the container's port");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Overlay.class)
    void everyServiceHasADisruptionBudgetThatLetsANodeDrainProceed(Overlay overlay) {
        Manifests manifests = Kustomize.render(overlay);
        for (OrderflowService service : OrderflowService.values()) {
            JsonNode deployment = manifests.get("Deployment", service.id());
            List<JsonNode> budgets = manifests.ofKind("PodDisruptionBudget").stream()
                    .filter(budget -> selects(budget.path("spec").path("selector").path("matchLabels"), deployment))
                    .toList();
            assertEquals(1, budgets.size(), overlay + ": PodDisruptionBudgets for " + service.id());
            JsonNode spec = budgets.get(0).path("spec");
            boolean drainable = spec.has("maxUnavailable") ? spec.path("maxUnavailable").asInt() >= 1
                    : spec.path("minAvailable").asInt() < overlay.minReplicas();
            assertTrue(drainable, overlay + ": " + describe(budgets.get(0)) + " would block evicting " + service.id()
                    + " at its minimum of " + overlay.minReplicas() + " replicas: " + spec);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Overlay.class)
    void eachServiceScalesOnTheSignalDocumentedForTheOverlay(Overlay overlay) {
        Manifests manifests = Kustomize.render(overlay);
        for (OrderflowService service : OrderflowService.values()) {
            List<JsonNode> autoscalers = manifests.ofKind("HorizontalPodAutoscaler").stream()
                    .filter(hpa -> targets(hpa.path("spec").path("scaleTargetRef"), service)).toList();
            List<JsonNode> scaledObjects = manifests.ofKind("ScaledObject").stream()
                    .filter(scaled -> targets(scaled.path("spec").path("scaleTargetRef"), service)).toList();
            if (overlay.scalesOnQueueDepth(service)) {
                assertEquals(List.of(), autoscalers, overlay + ": " + service.id() + " scales with KEDA, so no HPA of"
                        + " its own (KEDA makes one; two would fight)");
                assertEquals(1, scaledObjects.size(), overlay + ": ScaledObjects for " + service.id());
                JsonNode spec = scaledObjects.get(0).path("spec");
                assertTrue(spec.path("minReplicaCount").asInt() >= overlay.minReplicas(),
                        overlay + ": " + service.id() + " runs at least " + overlay.minReplicas() + " replicas");
                List<JsonNode> triggers = elements(spec.path("triggers"));
                assertEquals(1, triggers.size(), overlay + ": triggers of " + service.id() + "'s ScaledObject");
                assertEquals("rabbitmq", triggers.get(0).path("type").asText(), service.id() + "'s trigger type");
                assertEquals(service.queue().orElseThrow(), triggers.get(0).path("metadata").path("queueName").asText(),
                        overlay + ": " + service.id() + " scales on the depth of the queue it consumes");
            } else {
                assertEquals(List.of(), scaledObjects, overlay + ": " + service.id() + " scales on CPU only");
                assertEquals(1, autoscalers.size(), overlay + ": HorizontalPodAutoscalers for " + service.id());
                JsonNode spec = autoscalers.get(0).path("spec");
                assertTrue(elements(spec.path("metrics")).stream()
                        .anyMatch(metric -> "cpu".equals(metric.path("resource").path("name").asText())),
                        overlay + ": " + service.id() + "'s HPA scales on CPU: " + spec.path("metrics"));
                assertTrue(spec.path("minReplicas").asInt() >= overlay.minReplicas(),
                        overlay + ": " + service.id() + " runs at least " + overlay.minReplicas() + " replicas");
                assertTrue(spec.path("maxReplicas").asInt() > spec.path("minReplicas").asInt(),
                        overlay + ": " + service.id() + "'s HPA can add replicas");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Overlay.class)
    void servicesTakeCredentialsFromSecretsAndTheBrokerAddressFromTheConfigMap(Overlay overlay) {
        Manifests manifests = Kustomize.render(overlay);
        for (OrderflowService service : OrderflowService.values()) {
            JsonNode pod = manifests.get("Deployment", service.id()).path("spec").path("template").path("spec");
            assertFalse(pod.path("enableServiceLinks").asBoolean(true), overlay + ": " + service.id() + " gets no"
                    + " Docker-link variables (the Service order would set ORDER_PORT=tcp://..., and so on)");
            JsonNode container = container(manifests, service);
            for (String credential : List.of("RABBITMQ_USERNAME", "RABBITMQ_PASSWORD", "MONGODB_URI")) {
                assertEquals("Secret", sourceKind(manifests, container, credential),
                        overlay + ": where " + service.id() + " gets " + credential + " from");
            }
            for (String setting : List.of("RABBITMQ_HOST", "RABBITMQ_PORT", "QUARKUS_MONGODB_WRITE_CONCERN_W")) {
                assertEquals("ConfigMap", sourceKind(manifests, container, setting),
                        overlay + ": where " + service.id() + " gets " + setting + " from");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Overlay.class)
    void everySecretAndConfigMapReferencedIsRenderedOrMadeByAnOperatorOrByYou(Overlay overlay) {
        Manifests manifests = Kustomize.render(overlay);
        Set<String> secrets = new HashSet<>(names(manifests.ofKind("Secret")));
        secrets.addAll(operatorSecrets(manifests));
        Set<String> configMaps = new HashSet<>(names(manifests.ofKind("ConfigMap")));
        configMaps.addAll(overlay.configMapsYouMake());
        List<String> problems = new ArrayList<>();
        for (JsonNode workload : workloads(manifests)) {
            JsonNode pod = workload.path("spec").path("template").path("spec");
            List<JsonNode> all = Stream.concat(containers(workload).stream(),
                    elements(pod.path("initContainers")).stream()).toList();
            for (JsonNode container : all) {
                for (JsonNode source : elements(container.path("envFrom"))) {
                    check(problems, workload, source.path("secretRef"), "name", secrets, "Secret");
                    check(problems, workload, source.path("configMapRef"), "name", configMaps, "ConfigMap");
                }
                for (JsonNode variable : elements(container.path("env"))) {
                    check(problems, workload, variable.path("valueFrom").path("secretKeyRef"), "name", secrets,
                            "Secret");
                    check(problems, workload, variable.path("valueFrom").path("configMapKeyRef"), "name", configMaps,
                            "ConfigMap");
                }
            }
            for (JsonNode volume : elements(pod.path("volumes"))) {
                check(problems, workload, volume.path("secret"), "secretName", secrets, "Secret");
                check(problems, workload, volume.path("configMap"), "name", configMaps, "ConfigMap");
            }
        }
        assertNoProblems(overlay, problems);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Overlay.class)
    void servicesRunAsNonRootOnAReadOnlyFileSystem(Overlay overlay) {
        List<String> problems = new ArrayList<>();
        for (JsonNode deployment : Kustomize.render(overlay).ofKind("Deployment")) {
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            if (!pod.path("securityContext").path("runAsNonRoot").asBoolean()) {
                problems.add(describe(deployment) + ": runAsNonRoot is not set");
            }
            for (JsonNode container : containers(deployment)) {
                JsonNode context = container.path("securityContext");
                if (!context.path("readOnlyRootFilesystem").asBoolean()
                        || context.path("allowPrivilegeEscalation").asBoolean(true)
                        || !context.path("capabilities").path("drop").toString().contains("\"ALL\"")) {
                    problems.add(describe(deployment) + ", container " + name(container) + ": wants a read-only root"
                            + " file system, no privilege escalation and no capabilities; has " + context);
                }
            }
        }
        assertNoProblems(overlay, problems);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Overlay.class)
    void servicesWriteToMongoDbWithMajorityAndJournal(Overlay overlay) {
        Manifests manifests = Kustomize.render(overlay);
        for (OrderflowService service : OrderflowService.values()) {
            JsonNode container = container(manifests, service);
            assertEquals("majority", setting(manifests, container, "QUARKUS_MONGODB_WRITE_CONCERN_W"),
                    overlay + ": " + service.id() + "'s write concern");
            assertEquals("true", setting(manifests, container, "QUARKUS_MONGODB_WRITE_CONCERN_JOURNAL"),
                    overlay + ": " + service.id() + "'s journal");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Overlay.class)
    void rabbitMqIsRecentEnoughForQuorumQueueDeadLettering(Overlay overlay) {
        Manifests manifests = Kustomize.render(overlay);
        List<String> images = Stream.concat(
                workloads(manifests).stream().flatMap(workload -> containers(workload).stream())
                        .map(container -> container.path("image").asText()),
                manifests.ofKind("RabbitmqCluster").stream().map(cluster -> cluster.path("spec").path("image").asText()))
                .filter(image -> image.startsWith("rabbitmq:"))
                .toList();
        assertFalse(images.isEmpty(), overlay + " runs no RabbitMQ image");
        images.forEach(image -> assertBrokerSupportsQuorumDeadLettering(overlay + ": " + image, image));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Overlay.class)
    void everyServiceVerifiesTokensWithTheIssuerAndKeyLocationOfOneConfigMapAndMountsTheKeyReadOnly(Overlay overlay) {
        Manifests manifests = Kustomize.render(overlay);
        for (OrderflowService service : OrderflowService.values()) {
            JsonNode container = container(manifests, service);
            String jwt = elements(container.path("envFrom")).stream()
                    .map(source -> source.path("configMapRef").path("name").asText())
                    .filter(name -> name.startsWith("orderflow-jwt")).findFirst()
                    .orElseGet(() -> fail(overlay + ": " + service.id() + " takes no ConfigMap orderflow-jwt"));
            assertFalse(elements(container.path("envFrom")).stream()
                    .anyMatch(source -> source.path("configMapRef").path("optional").asBoolean()
                            && source.path("configMapRef").path("name").asText().equals(jwt)),
                    overlay + ": " + service.id() + " does not start without its issuer and key location");
            JsonNode mount = elements(container.path("volumeMounts")).stream()
                    .filter(candidate -> "/etc/orderflow/jwt".equals(candidate.path("mountPath").asText())).findFirst()
                    .orElseGet(() -> fail(overlay + ": " + service.id() + " mounts no public key at /etc/orderflow/jwt"));
            assertTrue(mount.path("readOnly").asBoolean(), overlay + ": " + service.id() + " mounts the key read-only");
            JsonNode volume = elements(manifests.get("Deployment", service.id()).path("spec").path("template")
                    .path("spec").path("volumes")).stream()
                    .filter(candidate -> mount.path("name").asText().equals(candidate.path("name").asText()))
                    .findFirst().orElseThrow();
            assertEquals("orderflow-jwt-public-key", volume.path("configMap").path("name").asText(),
                    overlay + ": " + service.id() + "'s public key comes from the ConfigMap orderflow-jwt-public-key");
            Optional<JsonNode> rendered = manifests.find("ConfigMap", jwt);
            if (rendered.isPresent()) {
                String location = rendered.get().path("data").path("MP_JWT_VERIFY_PUBLICKEY_LOCATION").asText();
                assertFalse(rendered.get().path("data").path("MP_JWT_VERIFY_ISSUER").asText().isBlank(),
                        overlay + ": " + jwt + " names the issuer");
                assertTrue(location.startsWith("https://") || location.startsWith("file:/etc/orderflow/jwt/"),
                        overlay + ": the key is the mounted file or a JWKS URL, not " + location);
                if (location.startsWith("file:")) {
                    assertFalse(volume.path("configMap").path("optional").asBoolean(), overlay + ": " + service.id()
                            + " reads its key from a file, so it waits for the ConfigMap that holds it");
                }
            } else {
                assertTrue(overlay.configMapsYouMake().contains(jwt), overlay + ": " + jwt + " is neither rendered nor"
                        + " one you make");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Overlay.class)
    void noOverlayHoldsATokenSigningKey(Overlay overlay) {
        for (JsonNode object : Kustomize.render(overlay).objects()) {
            String text = object.toString() + (object.path("kind").asText().equals("Secret") ? decoded(object) : "");
            assertFalse(text.contains("PRIVATE KEY"), overlay + ": " + describe(object) + " holds a private key");
            assertFalse(text.contains("BEGIN PUBLIC KEY"), overlay + ": " + describe(object) + " holds a public key,"
                    + " which belongs to a key pair of yours, not the repository");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Overlay.class)
    void theDeploymentGuideShowsHowToMakeEachConfigMapYouMake(Overlay overlay) {
        String guide = Repository.read("docs/deploy.md");
        for (String configMap : overlay.configMapsYouMake()) {
            assertTrue(Pattern.compile("kubectl -n orderflow create configmap " + configMap + "\\s").matcher(guide).find(),
                    "docs/deploy.md shows how to make the ConfigMap " + configMap + " of the " + overlay + " overlay");
        }
    }

    @Test
    void localServicesTrustTheIssuerOfTheToolsTokens() {
        Manifests manifests = Kustomize.render(Overlay.LOCAL);
        for (OrderflowService service : OrderflowService.values()) {
            JsonNode container = container(manifests, service);
            assertEquals("orderflow-local", setting(manifests, container, "MP_JWT_VERIFY_ISSUER"),
                    service.id() + " takes the tokens the tools mint (tools' Tokens.LOCAL_ISSUER)");
            assertEquals("file:/etc/orderflow/jwt/jwt-public.pem",
                    setting(manifests, container, "MP_JWT_VERIFY_PUBLICKEY_LOCATION"),
                    service.id() + " verifies them with the mounted public key");
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The local overlay
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void localOverlayRunsRabbitMqAndAOneMemberMongoDbReplicaSetWithTheirOwnVolumes() {
        Manifests manifests = Kustomize.render(Overlay.LOCAL);
        assertStatefulSetKeepsDataOnAVolume(manifests.get("StatefulSet", "rabbitmq"), "/var/lib/rabbitmq");
        JsonNode mongodb = manifests.get("StatefulSet", "mongodb");
        assertStatefulSetKeepsDataOnAVolume(mongodb, "/data/db");
        String args = containers(mongodb).get(0).path("args").toString();
        assertTrue(args.contains("\"--replSet\",\"rs0\""), "mongod runs as a member of replica set rs0: " + args);

        JsonNode service = manifests.get("Service", "mongodb");
        assertEquals("None", service.path("spec").path("clusterIP").asText(), "mongodb-0.mongodb needs a headless"
                + " Service");
        assertTrue(service.path("spec").path("publishNotReadyAddresses").asBoolean(), "the member's name must resolve"
                + " before the replica set is initiated, hence before the pod is ready");

        String initiate = containers(manifests.get("Job", "mongodb-initiate")).get(0).path("command").toString();
        assertTrue(initiate.contains("rs.initiate") && initiate.contains("mongodb-0.mongodb:27017"),
                "the Job initiates the replica set with the member the services connect to: " + initiate);
    }

    @Test
    void localServicesLogInWithTheCredentialsTheBrokerAndTheDatabaseAreCreatedWith() {
        Manifests manifests = Kustomize.render(Overlay.LOCAL);
        JsonNode container = container(manifests, OrderflowService.ORDER);
        String uri = secretValue(manifests, container, "MONGODB_URI");
        JsonNode mongodb = containers(manifests.get("StatefulSet", "mongodb")).get(0);
        String user = secretValue(manifests, mongodb, "MONGO_INITDB_ROOT_USERNAME");
        String password = secretValue(manifests, mongodb, "MONGO_INITDB_ROOT_PASSWORD");
        assertTrue(uri.startsWith("mongodb://" + user + ":" + password + "@mongodb-0.mongodb:27017/"),
                "MONGODB_URI logs in as the administrator MongoDB is created with, on its one member: " + uri);
        assertTrue(uri.contains("replicaSet=rs0"), "MONGODB_URI names the replica set: " + uri);

        String host = setting(manifests, container, "RABBITMQ_HOST");
        assertTrue(selects(manifests.get("Service", host).path("spec").path("selector"), manifests.get("StatefulSet",
                "rabbitmq")), "RABBITMQ_HOST " + host + " names the Service of the RabbitMQ StatefulSet");
    }

    @Test
    void localServicesLogInAsTheirOwnBrokerUsersWithThePermissionsOfThePermissionsFile() throws Exception {
        Manifests manifests = Kustomize.render(Overlay.LOCAL);
        JsonNode statefulSet = manifests.get("StatefulSet", "rabbitmq");
        JsonNode rabbitmq = containers(statefulSet).get(0);
        assertTrue(elements(rabbitmq.path("env")).stream()
                .noneMatch(variable -> variable.path("name").asText().startsWith("RABBITMQ_DEFAULT_")),
                "no default user: the definitions make every user");
        String secret = elements(statefulSet.path("spec").path("template").path("spec").path("volumes")).stream()
                .filter(volume -> "definitions".equals(volume.path("name").asText())).findFirst().orElseThrow()
                .path("secret").path("secretName").asText();
        Map<String, String> files = decoded(manifests.get("Secret", secret));
        Map<String, String> mounted = new LinkedHashMap<>();
        elements(rabbitmq.path("volumeMounts")).stream().filter(mount -> "definitions".equals(mount.path("name").asText()))
                .forEach(mount -> mounted.put(mount.path("subPath").asText(), mount.path("mountPath").asText()));
        assertTrue(mounted.get("20-orderflow.conf").startsWith("/etc/rabbitmq/conf.d/"), "the broker reads its conf.d");
        assertTrue(files.get("20-orderflow.conf").contains("load_definitions = " + mounted.get("definitions.json")),
                "the broker loads the definitions where they are mounted");

        JsonNode definitions = new com.fasterxml.jackson.databind.ObjectMapper().readTree(files.get("definitions.json"));
        Map<String, String> passwords = new LinkedHashMap<>();
        elements(definitions.path("users")).forEach(user -> passwords.put(user.path("name").asText(),
                user.path("password").asText()));
        Map<String, List<String>> permissions = new LinkedHashMap<>();
        elements(definitions.path("permissions")).forEach(permission -> permissions.put(permission.path("user").asText(),
                List.of(permission.path("vhost").asText(), permission.path("configure").asText(),
                        permission.path("write").asText(), permission.path("read").asText())));
        for (OrderflowService service : OrderflowService.values()) {
            JsonNode container = container(manifests, service);
            String user = secretValue(manifests, container, "RABBITMQ_USERNAME");
            assertEquals(passwords.get(user), secretValue(manifests, container, "RABBITMQ_PASSWORD"),
                    service.id() + " logs in with the password its user " + user + " is made with");
            assertEquals(setting(manifests, container, "RABBITMQ_VIRTUAL_HOST"), permissions.get(user).get(0),
                    service.id() + "'s virtual host");
            assertEquals(BrokerPermissions.read().get(service.id()), permissions.get(user).subList(1, 4),
                    service.id() + "'s configure, write and read");
        }
        assertFalse(passwords.containsKey("guest"), "no guest");
    }

    @Test
    void localOverlayCommitsOnlyCredentialsMarkedLocalOnly() {
        List<String> problems = new ArrayList<>();
        for (JsonNode secret : Kustomize.render(Overlay.LOCAL).ofKind("Secret")) {
            decoded(secret).forEach((key, value) -> {
                String marker = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
                if (CREDENTIAL_KEY.matcher(key).matches() && !marker.contains("localonly")) {
                    problems.add(describe(secret) + ": " + key + " is not a local-only placeholder");
                }
            });
        }
        assertNoProblems(Overlay.LOCAL, problems);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The production overlay
    // ---------------------------------------------------------------------------------------------------------------

    @Test
    void productionCommitsNoCredentials() {
        assertEquals(List.of(), names(Kustomize.render(Overlay.PRODUCTION).ofKind("Secret")),
                "production's Secrets come from the operators or are made outside the repository");
    }

    @Test
    void productionRunsEveryServiceFromAnImagePinnedByTag() {
        Manifests manifests = Kustomize.render(Overlay.PRODUCTION);
        for (OrderflowService service : OrderflowService.values()) {
            String image = container(manifests, service).path("image").asText();
            String tag = image.substring(repository(image).length()).replaceFirst("^:", "");
            assertFalse(tag.isEmpty() || tag.equals("latest"), "production pins " + service.id() + "'s image: " + image);
        }
    }

    @Test
    void productionRunsThreeRabbitMqNodesAndAThreeMemberMongoDbReplicaSet() {
        Manifests manifests = Kustomize.render(Overlay.PRODUCTION);
        JsonNode rabbitmq = only(manifests, "RabbitmqCluster");
        assertEquals("rabbitmq.com/v1beta1", rabbitmq.path("apiVersion").asText(), "RabbitmqCluster's API");
        assertEquals(3, rabbitmq.path("spec").path("replicas").asInt(), "RabbitMQ nodes: quorum queues need three");

        JsonNode mongodb = only(manifests, "MongoDBCommunity");
        assertEquals("mongodbcommunity.mongodb.com/v1", mongodb.path("apiVersion").asText(), "MongoDBCommunity's API");
        assertEquals("ReplicaSet", mongodb.path("spec").path("type").asText(), "MongoDB's topology");
        assertEquals(3, mongodb.path("spec").path("members").asInt(), "replica set members");
        List<String> databases = elements(mongodb.path("spec").path("users")).stream()
                .flatMap(user -> elements(user.path("roles")).stream())
                .filter(role -> "readWrite".equals(role.path("name").asText()))
                .map(role -> role.path("db").asText()).sorted().toList();
        assertEquals(OrderflowService.ids().stream().sorted().toList(), databases,
                "the services' user may write each service's database (named after it), and no other");
    }

    @Test
    void productionServicesLogInAsTheirOwnBrokerUsersWithThePermissionsOfThePermissionsFile() {
        Manifests manifests = Kustomize.render(Overlay.PRODUCTION);
        String cluster = name(only(manifests, "RabbitmqCluster"));
        JsonNode vhost = only(manifests, "Vhost");
        for (OrderflowService service : OrderflowService.values()) {
            JsonNode container = container(manifests, service);
            assertEquals(vhost.path("spec").path("name").asText(), setting(manifests, container, "RABBITMQ_VIRTUAL_HOST"),
                    service.id() + "'s virtual host is the one the operator makes");
            Source username = source(manifests, container, "RABBITMQ_USERNAME");
            assertEquals(username.name(), source(manifests, container, "RABBITMQ_PASSWORD").name());
            JsonNode user = manifests.ofKind("User").stream()
                    .filter(candidate -> username.name().equals(name(candidate) + "-user-credentials")).findFirst()
                    .orElseGet(() -> fail(service.id() + " reads " + username.name() + ", which no User makes"));
            assertEquals(cluster, user.path("spec").path("rabbitmqClusterReference").path("name").asText());
            JsonNode permission = manifests.ofKind("Permission").stream()
                    .filter(candidate -> name(user).equals(candidate.path("spec").path("userReference").path("name")
                            .asText()))
                    .findFirst().orElseGet(() -> fail("no Permission for " + name(user)));
            JsonNode granted = permission.path("spec").path("permissions");
            assertEquals(vhost.path("spec").path("name").asText(), permission.path("spec").path("vhost").asText());
            assertEquals(BrokerPermissions.read().get(service.id()), List.of(granted.path("configure").asText(),
                    granted.path("write").asText(), granted.path("read").asText()),
                    service.id() + "'s configure, write and read");
        }
    }

    @Test
    void productionServicesAndScalersReachTheBrokerTheOperatorRuns() {
        Manifests manifests = Kustomize.render(Overlay.PRODUCTION);
        String cluster = name(only(manifests, "RabbitmqCluster"));
        for (OrderflowService service : OrderflowService.values()) {
            assertEquals(cluster, setting(manifests, container(manifests, service), "RABBITMQ_HOST"),
                    service.id() + "'s RABBITMQ_HOST is the Service the operator makes for the cluster");
        }
        for (JsonNode scaled : manifests.ofKind("ScaledObject")) {
            String namespace = scaled.path("metadata").path("namespace").asText();
            for (JsonNode trigger : elements(scaled.path("spec").path("triggers"))) {
                String host = trigger.path("metadata").path("host").asText();
                assertTrue(host.contains("//" + cluster + "." + namespace + ".svc:"), describe(scaled) + " reads queue"
                        + " depths from the broker by its full name (KEDA runs in another namespace): " + host);
                assertTrue(host.endsWith("/" + only(manifests, "Vhost").path("spec").path("name").asText()),
                        describe(scaled) + " reads the queues of the services' virtual host: " + host);
                JsonNode authentication = manifests.get("TriggerAuthentication",
                        trigger.path("authenticationRef").path("name").asText());
                assertTrue(authentication.toString().contains("\"" + cluster + "-default-user\""),
                        describe(scaled) + " logs in with the operator's default user: " + authentication);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    private static void assertNoProblems(Overlay overlay, List<String> problems) {
        assertTrue(problems.isEmpty(), () -> "overlay " + overlay + ":\n  " + String.join("\n  ", problems));
    }

    static void assertBrokerSupportsQuorumDeadLettering(String where, String image) {
        var version = Pattern.compile("^rabbitmq:(\\d+)\\.(\\d+)").matcher(image);
        assertTrue(version.find(), where + ": the image's tag names no version");
        int major = Integer.parseInt(version.group(1));
        int minor = Integer.parseInt(version.group(2));
        assertTrue(major > 3 || major == 3 && minor >= 10, where + ": RabbitMQ 3.10 or later is needed (quorum queues"
                + " with at-least-once dead-lettering)");
    }

    private static void assertStatefulSetKeepsDataOnAVolume(JsonNode statefulSet, String path) {
        List<String> claims = elements(statefulSet.path("spec").path("volumeClaimTemplates")).stream()
                .map(Manifests::name).toList();
        boolean mounted = containers(statefulSet).stream()
                .flatMap(container -> elements(container.path("volumeMounts")).stream())
                .anyMatch(mount -> path.equals(mount.path("mountPath").asText())
                        && claims.contains(mount.path("name").asText()));
        assertTrue(mounted, describe(statefulSet) + " keeps " + path + " on a volume of its own (claims " + claims + ")");
    }

    /** Whether every label of the selector is on the workload's pods. */
    private static boolean selects(JsonNode matchLabels, JsonNode workload) {
        JsonNode podLabels = workload.path("spec").path("template").path("metadata").path("labels");
        if (!matchLabels.isObject() || matchLabels.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> label : matchLabels.properties()) {
            if (!label.getValue().asText().equals(podLabels.path(label.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    private static boolean targets(JsonNode scaleTargetRef, OrderflowService service) {
        return service.id().equals(scaleTargetRef.path("name").asText())
                && "Deployment".equals(scaleTargetRef.path("kind").asText("Deployment"));
    }

    private static JsonNode container(Manifests manifests, OrderflowService service) {
        List<JsonNode> containers = containers(manifests.get("Deployment", service.id()));
        assertEquals(1, containers.size(), manifests.source() + ": containers of " + service.id());
        return containers.get(0);
    }

    private static int containerPort(JsonNode container, JsonNode port) {
        if (port.isInt()) {
            return port.asInt();
        }
        return elements(container.path("ports")).stream()
                .filter(candidate -> port.asText().equals(candidate.path("name").asText()))
                .map(candidate -> candidate.path("containerPort").asInt())
                .findFirst()
                .orElseGet(() -> fail("container " + name(container) + " has no port named " + port));
    }

    private static String repository(String image) {
        int slash = image.lastIndexOf('/');
        int colon = image.indexOf(':', slash + 1);
        return colon < 0 ? image : image.substring(0, colon);
    }

    private static List<JsonNode> workloads(Manifests manifests) {
        return Stream.of("Deployment", "StatefulSet", "Job").flatMap(kind -> manifests.ofKind(kind).stream()).toList();
    }

    private static JsonNode only(Manifests manifests, String kind) {
        List<JsonNode> objects = manifests.ofKind(kind);
        assertEquals(1, objects.size(), manifests.source() + ": " + kind + " objects");
        return objects.get(0);
    }

    private static List<String> names(List<JsonNode> objects) {
        return objects.stream().map(Manifests::name).toList();
    }

    /** The Secrets the operators create for the resources rendered: RabbitMQ's default user, MongoDB's users. */
    private static Set<String> operatorSecrets(Manifests manifests) {
        Set<String> secrets = new HashSet<>();
        manifests.ofKind("RabbitmqCluster").forEach(cluster -> secrets.add(name(cluster) + "-default-user"));
        // the Messaging Topology Operator's, for a User without imported credentials
        manifests.ofKind("User").forEach(user -> secrets.add(name(user) + "-user-credentials"));
        for (JsonNode replicaSet : manifests.ofKind("MongoDBCommunity")) {
            for (JsonNode user : elements(replicaSet.path("spec").path("users"))) {
                secrets.add(user.path("connectionStringSecretName").asText(name(replicaSet) + "-"
                        + user.path("db").asText("admin") + "-" + user.path("name").asText()));
            }
        }
        return secrets;
    }

    private static void check(List<String> problems, JsonNode workload, JsonNode reference, String field,
            Set<String> known, String kind) {
        if (reference.isMissingNode() || reference.path("optional").asBoolean()) {
            return;
        }
        String name = reference.path(field).asText();
        if (!known.contains(name)) {
            problems.add(describe(workload) + " needs " + kind + " " + name + ", which is neither rendered nor made by"
                    + " an operator of the overlay, nor one docs/deploy.md has you make");
        }
    }

    /** Where a container's environment variable comes from ("Secret", "ConfigMap", "value"), or fails if nowhere. */
    private static String sourceKind(Manifests manifests, JsonNode container, String variable) {
        return source(manifests, container, variable).kind();
    }

    private static String setting(Manifests manifests, JsonNode container, String variable) {
        Source source = source(manifests, container, variable);
        return switch (source.kind()) {
            case "value" -> source.reference().asText();
            case "ConfigMap" -> manifests.get("ConfigMap", source.name()).path("data").path(source.key()).asText();
            default -> fail(variable + " of container " + name(container) + " comes from a " + source.kind());
        };
    }

    private static String secretValue(Manifests manifests, JsonNode container, String variable) {
        Source source = source(manifests, container, variable);
        assertEquals("Secret", source.kind(), "where " + variable + " of container " + name(container) + " comes from");
        String value = decoded(manifests.get("Secret", source.name())).get(source.key());
        assertTrue(value != null, "Secret " + source.name() + " has no " + source.key());
        return value;
    }

    private record Source(String kind, String name, String key, JsonNode reference) {
    }

    /** Resolved as the kubelet does: env wins over envFrom, and among envFrom sources the last one wins. */
    private static Source source(Manifests manifests, JsonNode container, String variable) {
        for (JsonNode entry : elements(container.path("env"))) {
            if (variable.equals(entry.path("name").asText())) {
                JsonNode from = entry.path("valueFrom");
                if (from.has("secretKeyRef")) {
                    JsonNode ref = from.path("secretKeyRef");
                    return new Source("Secret", ref.path("name").asText(), ref.path("key").asText(), ref);
                }
                if (from.has("configMapKeyRef")) {
                    JsonNode ref = from.path("configMapKeyRef");
                    return new Source("ConfigMap", ref.path("name").asText(), ref.path("key").asText(), ref);
                }
                return new Source("value", null, null, entry.path("value"));
            }
        }
        List<JsonNode> sources = new ArrayList<>(elements(container.path("envFrom")));
        Collections.reverse(sources);
        for (JsonNode source : sources) {
            if (source.has("configMapRef")) {
                String name = source.path("configMapRef").path("name").asText();
                Optional<JsonNode> map = manifests.find("ConfigMap", name);
                if (map.isPresent() && map.get().path("data").has(variable)) {
                    return new Source("ConfigMap", name, variable, source);
                }
            }
            if (source.has("secretRef")) {
                String name = source.path("secretRef").path("name").asText();
                Optional<JsonNode> secret = manifests.find("Secret", name);
                if (secret.isPresent() && decoded(secret.get()).containsKey(variable)) {
                    return new Source("Secret", name, variable, source);
                }
            }
        }
        return fail(manifests.source() + ": container " + name(container) + " gets no " + variable);
    }

    private static Map<String, String> decoded(JsonNode secret) {
        Map<String, String> values = new LinkedHashMap<>();
        secret.path("data").properties().forEach(entry -> values.put(entry.getKey(),
                new String(Base64.getMimeDecoder().decode(entry.getValue().asText()), StandardCharsets.UTF_8)));
        secret.path("stringData").properties().forEach(entry -> values.put(entry.getKey(), entry.getValue().asText()));
        return values;
    }
}
