package dev.orderflow.deploy;

import static dev.orderflow.deploy.Manifests.elements;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * deploy/compose.yaml as Docker Compose reads it (anchors and merge keys resolved, variables not substituted): the five
 * services from their images on their ports, started in order behind real health checks, credentials from deploy/.env.
 */
class ComposeFileTest {

    private static final JsonNode COMPOSE = load("deploy/compose.yaml");
    private static final JsonNode SERVICES = COMPOSE.path("services");
    /** ${NAME:?message}: Compose refuses to start when NAME is not set. */
    private static final String REQUIRED = "\\$\\{%s:\\?[^}]+\\}";

    @Test
    void runsEveryServiceFromItsImageOnItsPort() {
        for (OrderflowService service : OrderflowService.values()) {
            JsonNode definition = SERVICES.path(service.id());
            assertTrue(definition.isObject(), "compose.yaml has no service " + service.id());
            assertTrue(definition.path("image").asText().matches(".*/" + service.imageName() + ":.+"),
                    service.id() + " runs its own image: " + definition.path("image"));
            assertEquals(List.of(service.port() + ":" + service.port()), texts(definition.path("ports")),
                    service.id() + " is published on its port");
        }
    }

    @Test
    void probesEachServiceReadinessOnItsOwnPort() {
        for (OrderflowService service : OrderflowService.values()) {
            List<String> test = texts(SERVICES.path(service.id()).path("healthcheck").path("test"));
            assertEquals(List.of("CMD", "bash", "-c"), test.subList(0, Math.min(3, test.size())),
                    service.id() + "'s health check runs in bash, which the micro image has (it has no HTTP client)");
            assertTrue(test.get(3).contains("/q/health/ready"), service.id() + " checks readiness: " + test);
            assertEquals(String.valueOf(service.port()), test.get(test.size() - 1),
                    service.id() + "'s health check asks its own port");
        }
    }

    @Test
    void startsTheServicesOnceRabbitMqAndMongoDbAreHealthy() {
        for (String dependency : List.of("rabbitmq", "mongodb")) {
            assertFalse(SERVICES.path(dependency).path("healthcheck").path("test").isMissingNode(),
                    dependency + " has a health check");
            for (OrderflowService service : OrderflowService.values()) {
                assertEquals("service_healthy",
                        SERVICES.path(service.id()).path("depends_on").path(dependency).path("condition").asText(),
                        service.id() + " starts once " + dependency + " is healthy");
            }
        }
    }

    @Test
    void startsOrderOnceTheServicesItSendsToHaveDeclaredTheirQueues() {
        JsonNode dependsOn = SERVICES.path("order").path("depends_on");
        for (OrderflowService service : OrderflowService.values()) {
            if (service != OrderflowService.ORDER) {
                assertEquals("service_healthy", dependsOn.path(service.id()).path("condition").asText(),
                        "order starts once " + service.id() + " is ready");
            }
        }
    }

    @Test
    void runsMongoDbAsAOneMemberReplicaSetTheServicesConnectTo() {
        JsonNode mongodb = SERVICES.path("mongodb");
        String start = mongodb.path("entrypoint").toString() + mongodb.path("command");
        assertTrue(start.contains("--replSet rs0"), "mongod runs as a member of replica set rs0: " + start);
        assertTrue(mongodb.path("healthcheck").toString().contains("host: \\\"mongodb:27017\\\""),
                "the health check initiates the replica set with the member the services connect to");
        for (OrderflowService service : OrderflowService.values()) {
            String uri = SERVICES.path(service.id()).path("environment").path("MONGODB_URI").asText();
            assertTrue(uri.contains("@mongodb:27017/") && uri.contains("replicaSet=rs0"),
                    service.id() + " connects to the replica set: " + uri);
        }
    }

    @Test
    void runsARabbitMqRecentEnoughForQuorumQueueDeadLettering() {
        KubernetesOverlaysTest.assertBrokerSupportsQuorumDeadLettering("compose.yaml",
                SERVICES.path("rabbitmq").path("image").asText());
        assertEquals("rabbitmq", SERVICES.path("rabbitmq").path("hostname").asText(),
                "RabbitMQ keeps its data under its node name, which follows the host name: it must not change");
    }

    @Test
    void takesEveryCredentialFromTheEnvironmentFile() {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonNode> service : SERVICES.properties()) {
            for (Map.Entry<String, JsonNode> variable : service.getValue().path("environment").properties()) {
                String name = variable.getKey();
                String value = variable.getValue().asText();
                boolean ok = switch (name) {
                    // each service logs in as its own user, with its own password
                    case "RABBITMQ_USERNAME" -> value.equals("orderflow-" + service.getKey());
                    case "RABBITMQ_PASSWORD" -> value.matches(REQUIRED.formatted(
                            "RABBITMQ_" + service.getKey().toUpperCase(java.util.Locale.ROOT) + "_PASSWORD"));
                    case "MONGO_INITDB_ROOT_USERNAME" -> value.matches(REQUIRED.formatted("MONGODB_USERNAME"));
                    case "MONGO_INITDB_ROOT_PASSWORD" -> value.matches(REQUIRED.formatted("MONGODB_PASSWORD"));
                    case "GF_SECURITY_ADMIN_USER" -> value.matches(REQUIRED.formatted("GRAFANA_ADMIN_USER"));
                    case "GF_SECURITY_ADMIN_PASSWORD" -> value.matches(REQUIRED.formatted("GRAFANA_ADMIN_PASSWORD"));
                    // where the public key is: the mounted file unless deploy/.env names a JWKS URL
                    case "MP_JWT_VERIFY_PUBLICKEY_LOCATION" ->
                        value.equals("${MP_JWT_VERIFY_PUBLICKEY_LOCATION:-file:/etc/orderflow/jwt/jwt-public.pem}");
                    case "MONGODB_URI" -> Pattern.compile("^mongodb://" + REQUIRED.formatted("MONGODB_USERNAME") + ":"
                            + REQUIRED.formatted("MONGODB_PASSWORD") + "@").matcher(value).find();
                    default -> !name.matches("(?i).*(user|pass|secret|token|key).*");
                };
                if (!ok) {
                    problems.add(service.getKey() + ": " + name + "=" + value);
                }
            }
        }
        assertTrue(problems.isEmpty(), () -> "credentials must be required variables from deploy/.env, not values:\n  "
                + String.join("\n  ", problems));
    }

    @Test
    void theBrokerLoadsOneUserPerServiceWithThePermissionsOfThePermissionsFileAndNoGuest() throws Exception {
        JsonNode rabbitmq = SERVICES.path("rabbitmq");
        assertTrue(rabbitmq.path("environment").path("RABBITMQ_DEFAULT_USER").isMissingNode(),
                "no default user: the definitions make every user");
        Map<String, String> mounted = new java.util.HashMap<>();
        elements(rabbitmq.path("configs")).forEach(config -> mounted.put(config.path("source").asText(),
                config.path("target").asText()));
        String conf = COMPOSE.path("configs").path("rabbitmq-conf").path("content").asText();
        assertTrue(mounted.get("rabbitmq-conf").startsWith("/etc/rabbitmq/conf.d/"), "the broker reads its conf.d");
        assertTrue(conf.contains("load_definitions = " + mounted.get("rabbitmq-definitions")),
                "the broker loads the definitions where they are mounted: " + conf);

        // Compose substitutes the ${...} and turns $$ into $ before the broker reads the definitions
        JsonNode definitions = new ObjectMapper().readTree(COMPOSE.path("configs").path("rabbitmq-definitions")
                .path("content").asText().replace("$$", "$"));
        assertEquals("orderflow", definitions.path("vhosts").path(0).path("name").asText());
        Map<String, List<String>> permissions = new java.util.HashMap<>();
        elements(definitions.path("permissions")).forEach(permission -> permissions.put(permission.path("user").asText(),
                List.of(permission.path("vhost").asText(), permission.path("configure").asText(),
                        permission.path("write").asText(), permission.path("read").asText())));
        Map<String, String> passwords = new java.util.HashMap<>();
        elements(definitions.path("users")).forEach(user -> passwords.put(user.path("name").asText(),
                user.path("password").asText()));
        for (Map.Entry<String, List<String>> expected : BrokerPermissions.read().entrySet()) {
            String service = expected.getKey();
            JsonNode environment = SERVICES.path(service).path("environment");
            String user = environment.path("RABBITMQ_USERNAME").asText();
            assertEquals(environment.path("RABBITMQ_PASSWORD").asText(), passwords.get(user),
                    service + " logs in with the password its user is made with");
            List<String> granted = permissions.get(user);
            assertEquals("orderflow", granted.get(0), service + "'s virtual host");
            assertEquals(expected.getValue(), granted.subList(1, 4), service + "'s configure, write and read");
        }
        assertTrue(!passwords.containsKey("guest"), "no guest");
    }

    @Test
    void everyServiceVerifiesTokensWithTheIssuerAndThePublicKeyFileTheEnvironmentFileNames() {
        assertTrue(COMPOSE.path("configs").path("jwt-public-key").path("file").asText()
                .matches(REQUIRED.formatted("ORDERFLOW_JWT_PUBLIC_KEY_FILE")),
                "the public key's file is a required variable of deploy/.env, not a file of the repository");
        for (OrderflowService service : OrderflowService.values()) {
            JsonNode definition = SERVICES.path(service.id());
            JsonNode environment = definition.path("environment");
            assertTrue(environment.path("MP_JWT_VERIFY_ISSUER").asText().matches(REQUIRED.formatted("MP_JWT_VERIFY_ISSUER")),
                    service.id() + " takes the issuer from deploy/.env: " + environment.path("MP_JWT_VERIFY_ISSUER"));
            String target = elements(definition.path("configs")).stream()
                    .filter(config -> "jwt-public-key".equals(config.path("source").asText()))
                    .map(config -> config.path("target").asText()).findFirst().orElse("none");
            assertTrue(environment.path("MP_JWT_VERIFY_PUBLICKEY_LOCATION").asText().contains(":-file:" + target + "}"),
                    service.id() + " reads the public key where it is mounted (" + target + ") unless told otherwise: "
                            + environment.path("MP_JWT_VERIFY_PUBLICKEY_LOCATION"));
        }
        List<String> example = Repository.read("deploy/.env.example").lines().toList();
        assertTrue(example.contains("MP_JWT_VERIFY_ISSUER=orderflow-local"),
                "the example trusts the tools' tokens (their issuer orderflow-local)");
        assertTrue(example.contains("ORDERFLOW_JWT_PUBLIC_KEY_FILE=../run/keys/jwt-public.pem"),
                "the example mounts the public key of the local run's key pair, which git ignores (/run/)");
        assertTrue(Repository.read(".gitignore").lines().anyMatch(line -> line.equals("/run/")));
    }

    @Test
    void exampleEnvironmentHoldsPlaceholdersAndTheRealOneIsIgnored() {
        for (String line : Repository.read("deploy/.env.example").lines().toList()) {
            if (line.matches("[A-Z_]*PASSWORD=.*")) {
                assertTrue(line.endsWith("=change-me"), "deploy/.env.example holds placeholders only: " + line);
            }
        }
        assertTrue(Repository.read(".gitignore").lines().anyMatch(line -> line.matches("/?deploy/\\.env")),
                ".gitignore keeps deploy/.env, which holds the real credentials, out of the repository");
    }

    private static List<String> texts(JsonNode array) {
        return elements(array).stream().map(JsonNode::asText).toList();
    }

    private static JsonNode load(String file) {
        Object yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(Repository.read(file));
        return new ObjectMapper().valueToTree(yaml);
    }
}
