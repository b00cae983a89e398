package dev.orderflow.deploy;

import static dev.orderflow.deploy.Manifests.elements;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Each service's Dockerfiles, and the CI workflow that builds and publishes the native images. */
class ContainerBuildsTest {

    @Test
    void eachServiceBuildsANativeMicroImageAndAJvmImageServingOnItsPort() {
        for (OrderflowService service : OrderflowService.values()) {
            String dir = service.id() + "/src/main/docker/";
            String nativeMicro = Repository.read(dir + "Dockerfile.native-micro");
            assertTrue(nativeMicro.contains("\nFROM quay.io/quarkus/ubi9-quarkus-micro-image:2.0\n"),
                    service.id() + "'s native image is on the UBI 9 Quarkus micro image");
            assertTrue(nativeMicro.contains("COPY --chown=1001:root --chmod=0755 target/*-runner /work/application"),
                    service.id() + "'s native image holds the native executable");
            String jvm = Repository.read(dir + "Dockerfile.jvm");
            assertTrue(jvm.contains("\nFROM registry.access.redhat.com/ubi9/openjdk-17-runtime:"),
                    service.id() + "'s JVM image is on the UBI 9 OpenJDK 17 runtime");
            for (String dockerfile : List.of(nativeMicro, jvm)) {
                assertTrue(dockerfile.contains("\nEXPOSE " + service.port() + "\n"),
                        service.id() + "'s images expose its port " + service.port());
            }
            for (String ignore : List.of("Dockerfile.native-micro.dockerignore", "Dockerfile.jvm.dockerignore")) {
                assertTrue(Files.isRegularFile(Repository.path(dir + ignore)),
                        dir + ignore + " keeps the build context to what the image needs");
            }
        }
    }

    @Test
    void ciBuildsEveryServiceNativeImageWithMandrelAndPushesIt() {
        String file = ".github/workflows/native-images.yml";
        JsonNode workflow = new ObjectMapper().valueToTree(
                new Yaml(new SafeConstructor(new LoaderOptions())).load(Repository.read(file)));
        JsonNode job = workflow.path("jobs").path("image");
        assertEquals(OrderflowService.ids(),
                elements(job.path("strategy").path("matrix").path("service")).stream().map(JsonNode::asText).toList(),
                file + " builds each service");
        String steps = job.path("steps").toString();
        for (String expected : List.of("-Dquarkus.native.enabled=true", "-Dquarkus.native.container-build=true",
                "quay.io/quarkus/ubi9-quarkus-mandrel-builder-image:jdk-25",
                "src/main/docker/Dockerfile.native-micro", "ghcr.io/", "docker/login-action", "\"push\":true")) {
            assertTrue(steps.contains(expected), file + " mentions " + expected);
        }
    }
}
