package dev.orderflow.deploy;

import static dev.orderflow.deploy.Manifests.elements;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Grafana dashboard (deploy/observability/dashboards/orderflow.json) and what serves it: compose provisions it
 * with a Prometheus that scrapes every service and RabbitMQ's per-queue metrics; the production overlay ships it as a
 * ConfigMap for Grafana's sidecar, with ServiceMonitors for the same targets. That every metric it queries exists is
 * shown against the running services, by the e2e suite's DashboardIT.
 */
class DashboardTest {

    private static final String DASHBOARD = "deploy/observability/dashboards/orderflow.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyPanelQueriesPrometheusThroughTheDashboardsDataSourceVariable() throws IOException {
        JsonNode dashboard = JSON.readTree(Repository.read(DASHBOARD));
        assertEquals("orderflow", dashboard.path("uid").asText(), "a fixed uid, so links to the dashboard stay valid");
        assertTrue(elements(dashboard.path("templating").path("list")).stream()
                .anyMatch(variable -> "datasource".equals(variable.path("type").asText())
                        && "prometheus".equals(variable.path("query").asText())),
                "the dashboard lets its user pick the Prometheus data source");
        List<String> problems = new ArrayList<>();
        List<JsonNode> panels = elements(dashboard.path("panels")).stream()
                .filter(panel -> !"row".equals(panel.path("type").asText())).toList();
        assertFalse(panels.isEmpty(), "the dashboard has panels");
        for (JsonNode panel : panels) {
            String title = panel.path("title").asText();
            if (!"${datasource}".equals(panel.path("datasource").path("uid").asText())) {
                problems.add(title + ": not on the data source variable");
            }
            if (panel.path("targets").isEmpty()
                    || elements(panel.path("targets")).stream().anyMatch(target -> target.path("expr").asText().isBlank())) {
                problems.add(title + ": a target without a query");
            }
            if (panel.path("description").asText().isBlank()) {
                problems.add(title + ": no description of what it shows");
            }
        }
        assertTrue(problems.isEmpty(), () -> String.join("\n", problems));
    }

    @Test
    void composeProvisionsTheDashboardWithAPrometheusThatScrapesEveryServiceAndTheBroker() {
        JsonNode compose = yaml(Repository.read("deploy/compose.yaml"));
        List<String> mounts = elements(compose.path("services").path("grafana").path("volumes")).stream()
                .map(JsonNode::asText).toList();
        assertTrue(mounts.contains("./observability/dashboards:/var/lib/grafana/dashboards:ro"), "mounts: " + mounts);
        for (String mount : mounts) {
            String source = mount.split(":")[0];
            if (source.startsWith("./")) {
                assertTrue(Files.exists(Repository.path("deploy/" + source.substring(2))), "compose mounts " + source);
            }
        }
        assertTrue(compose.path("configs").path("rabbitmq-plugins").path("content").asText().contains("rabbitmq_prometheus"),
                "RabbitMQ serves its metrics (rabbitmq_prometheus)");

        JsonNode prometheus = yaml(Repository.read("deploy/observability/prometheus.yml"));
        JsonNode services = job(prometheus, "orderflow");
        assertEquals("/q/metrics", services.path("metrics_path").asText());
        Set<String> expected = Set.of(OrderflowService.values()).stream()
                .map(service -> service.id() + ":" + service.port()).collect(Collectors.toSet());
        assertEquals(expected, targets(services), "Prometheus scrapes each service on its port");
        JsonNode broker = job(prometheus, "rabbitmq");
        assertEquals("/metrics/detailed", broker.path("metrics_path").asText());
        assertEquals("queue_coarse_metrics", broker.path("params").path("family").path(0).asText(),
                "the per-queue depths the dashboard shows");
        assertEquals(Set.of("rabbitmq:15692"), targets(broker));
    }

    @Test
    void theProductionOverlayShipsTheDashboardAndScrapesEveryService() {
        Manifests production = Kustomize.render(Overlay.PRODUCTION);
        JsonNode dashboard = production.get("ConfigMap", "orderflow-dashboard");
        assertEquals(Repository.read(DASHBOARD), dashboard.path("data").path("orderflow.json").asText(),
                "the ConfigMap holds the dashboard file as it is");
        assertEquals("1", dashboard.path("metadata").path("labels").path("grafana_dashboard").asText(),
                "Grafana's sidecar loads ConfigMaps labelled grafana_dashboard");

        JsonNode monitor = production.get("ServiceMonitor", "orderflow-services");
        JsonNode endpoint = monitor.path("spec").path("endpoints").path(0);
        assertEquals("/q/metrics", endpoint.path("path").asText());
        Set<String> selected = elements(monitor.path("spec").path("selector").path("matchExpressions").path(0).path("values"))
                .stream().map(JsonNode::asText).collect(Collectors.toSet());
        for (OrderflowService service : OrderflowService.values()) {
            assertTrue(selected.contains(service.id()), "the ServiceMonitor selects " + service.id());
            JsonNode port = elements(production.get("Service", service.id()).path("spec").path("ports")).stream()
                    .filter(candidate -> endpoint.path("port").asText().equals(candidate.path("name").asText())).findFirst()
                    .orElse(null);
            assertTrue(port != null, "Service " + service.id() + " has the port the monitor scrapes");
        }
        JsonNode broker = production.get("ServiceMonitor", "orderflow-rabbitmq").path("spec");
        assertEquals("orderflow-rabbitmq", broker.path("selector").path("matchLabels").path("app.kubernetes.io/name").asText());
        assertEquals("/metrics/detailed", broker.path("endpoints").path(0).path("path").asText());
    }

    private static JsonNode job(JsonNode prometheus, String name) {
        return elements(prometheus.path("scrape_configs")).stream()
                .filter(job -> name.equals(job.path("job_name").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("prometheus.yml has no job " + name));
    }

    private static Set<String> targets(JsonNode job) {
        return elements(job.path("static_configs")).stream().flatMap(config -> elements(config.path("targets")).stream())
                .map(JsonNode::asText).collect(Collectors.toSet());
    }

    private static JsonNode yaml(String text) {
        return JSON.valueToTree(new Yaml(new SafeConstructor(new LoaderOptions())).load(text));
    }
}
