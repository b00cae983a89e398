package dev.orderflow.common.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * What every service offers besides its API: readiness that covers MongoDB and RabbitMQ, Prometheus metrics (the
 * store's and the channels' among them, every one tagged with the application), the OpenAPI description and Swagger UI, and RFC
 * 9457 errors. Each service runs it with an empty subclass annotated
 * {@code @QuarkusTest}, and against its built application (jar or native executable) with an empty subclass of that
 * annotated {@code @QuarkusIntegrationTest} (see {@link LaunchedService}).
 */
public abstract class ServiceConventionsTest {

    static final String MESSAGING_READINESS = "SmallRye Reactive Messaging - readiness check";

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void readinessCoversTheDatabaseAndTheBroker() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("MongoDB connection health check", MESSAGING_READINESS))
                // the messaging check has an entry per RabbitMQ channel: none would mean no broker at all
                .body("checks.find { it.name == '" + MESSAGING_READINESS + "' }.data.size()", greaterThan(0));
    }

    @Test
    void livenessIsUp() {
        given().when().get("/q/health/live")
                .then().statusCode(200)
                .body("status", equalTo("UP"));
    }

    @Test
    void metricsAreServedForPrometheus() {
        given().when().get("/q/metrics")
                .then().statusCode(200)
                .body(containsString("# TYPE jvm_memory_used_bytes gauge"));
    }

    @Test
    void metricsCoverTheStoreAndTheChannelsAndNameTheApplication() {
        // readiness pings the store, so its client has run a command
        given().when().get("/q/health/ready").then().statusCode(200);

        String metrics = Meters.scrape();

        assertThat(metrics, containsString("mongodb_driver_commands_seconds_count{"));
        assertThat(metrics, containsString("mongodb_driver_pool_size{"));
        assertThat(metrics, containsString("mp_messaging_message_count_total{"));
        // every incoming queue's, at 0 from the start
        assertThat(metrics, containsString("messages_parked_total{"));
        List<String> samples = metrics.lines().filter(line -> !line.startsWith("#") && !line.isBlank()).toList();
        assertThat(samples, not(empty()));
        assertThat(samples.stream().filter(sample -> !sample.contains("application=\"")).toList(), empty());
    }

    @Test
    void apiIsDescribed() {
        given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200)
                .body("openapi", containsString("3."));
        given().when().get("/q/swagger-ui/")
                .then().statusCode(200);
    }

    @Test
    void probesAndScrapersNeedNoTokenAndAreNotRefusedForOne() {
        for (String path : new String[] { "/q/health/live", "/q/health/ready", "/q/metrics" }) {
            given().noFilters().when().get(path).then().statusCode(200);
            given().noFilters().header(Tokens.bearer("not-a-jwt")).when().get(path).then().statusCode(200);
        }
    }

    @Test
    void theApiDescriptionNamesTheBearerSchemeAndEveryOperationNeedsIt() {
        JsonPath api = given().noFilters().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();

        assertThat(api.getString("components.securitySchemes.bearer.type"), equalTo("http"));
        assertThat(api.getString("components.securitySchemes.bearer.scheme"), equalTo("bearer"));
        Map<String, Map<String, Object>> paths = api.getMap("paths");
        List<String> open = new ArrayList<>();
        // the simulators' APIs stand for third parties' and take their API key, not a token (their own tests)
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (operation instanceof Map<?, ?> described && described.get("security") == null
                    && !path.startsWith("/provider/") && !path.startsWith("/carrier/")) {
                open.add(method + " " + path);
            }
        }));
        assertThat("operations without a security requirement", open, empty());
    }

    @Test
    void everyListingDescribesItsPaging() {
        JsonPath api = given().noFilters().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();

        Map<String, Map<String, Object>> paths = api.getMap("paths");
        List<String> listings = new ArrayList<>();
        List<String> unpaged = new ArrayList<>();
        // a GET on a path without a parameter is a listing (the simulators' APIs are their third parties')
        paths.forEach((path, operations) -> {
            if (operations.get("get") instanceof Map<?, ?> get && !path.contains("{") && !path.startsWith("/provider/")
                    && !path.startsWith("/carrier/")) {
                listings.add(path);
                List<?> parameters = get.get("parameters") instanceof List<?> list ? list : List.of();
                Map<?, ?> size = parameters.stream().map(Map.class::cast)
                        .filter(parameter -> "size".equals(parameter.get("name")))
                        .findFirst().orElse(Map.of());
                boolean page = parameters.stream().map(Map.class::cast)
                        .anyMatch(parameter -> "page".equals(parameter.get("name")));
                if (!page || !(size.get("schema") instanceof Map<?, ?> schema)
                        || !"100".equals(String.valueOf(schema.get("maximum")))) {
                    unpaged.add(path);
                }
            }
        });
        assertThat("the service's listings", listings, not(empty()));
        assertThat("listings without page and size (at most 100) described", unpaged, empty());
    }

    @Test
    void answersCarryTheSecurityHeaders() {
        for (String path : new String[] { "/q/health/live", "/no/such/resource" }) {
            given().when().get(path)
                    .then().header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY")
                    .header("Referrer-Policy", "no-referrer")
                    .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                    .header("Cache-Control", "no-store");
        }
        // Swagger UI loads its scripts and styles: no JSON API's policy there
        given().when().get("/q/swagger-ui/")
                .then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", nullValue());
    }

    @Test
    void aCrossOriginRequestIsRefusedWhileNoOriginIsAllowed() {
        given().header("Origin", "https://elsewhere.example").when().get("/q/health/live")
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://elsewhere.example").header("Access-Control-Request-Method", "POST")
                .when().options("/q/health/live")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItIsRead() {
        given().contentType("application/json").body("\"" + "x".repeat(64 * 1024) + "\"")
                .when().post("/no/such/resource")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413));
    }

    @Test
    void unknownPathIsAProblem() {
        given().when().get("/no/such/resource")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("instance", equalTo("/no/such/resource"));
    }
}
