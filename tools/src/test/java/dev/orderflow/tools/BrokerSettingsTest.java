package dev.orderflow.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerSettingsTest {

    @TempDir
    Path runDir;

    @Test
    void takesTheLocalRunsOperatorWhenTheEnvironmentNamesNoUser() throws Exception {
        Files.createDirectories(runDir.resolve("rabbitmq"));
        Files.writeString(runDir.resolve("rabbitmq/operator.env"),
                "RABBITMQ_USERNAME=orderflow-operator\nRABBITMQ_PASSWORD=s3cret\nRABBITMQ_VIRTUAL_HOST=orderflow\n");

        Map<String, String> settings = BrokerSettings.of(Map.of("ORDERFLOW_RUN_DIR", runDir.toString()));

        assertEquals("orderflow-operator", settings.get("RABBITMQ_USERNAME"));
        assertEquals("s3cret", settings.get("RABBITMQ_PASSWORD"));
        assertEquals("orderflow", settings.get("RABBITMQ_VIRTUAL_HOST"));
        assertEquals("localhost", settings.get("RABBITMQ_HOST"));
    }

    @Test
    void theEnvironmentsUserWins() {
        Map<String, String> settings = BrokerSettings.of(Map.of("RABBITMQ_USERNAME", "ops", "RABBITMQ_PASSWORD", "pw",
                "ORDERFLOW_RUN_DIR", runDir.toString()));

        assertEquals("ops", settings.get("RABBITMQ_USERNAME"));
        assertEquals("orderflow", settings.get("RABBITMQ_VIRTUAL_HOST"), "the services' virtual host by default");
    }

    @Test
    void withNeitherItSaysWhatIsMissingAndNeverFallsBackToGuest() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> BrokerSettings.of(Map.of("ORDERFLOW_RUN_DIR", runDir.toString())));

        assertTrue(refused.getMessage().contains("RABBITMQ_USERNAME"), refused.getMessage());
    }
}
