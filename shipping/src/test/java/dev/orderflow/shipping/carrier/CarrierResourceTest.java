package dev.orderflow.shipping.carrier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.orderflow.common.security.ThirdPartyKey;
import dev.orderflow.common.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * The simulated carrier's API, as any client sees it: the carrier named decides the tracking number and the delivery
 * estimate; asked again under the same key, it answers the same label; postal code 00000 is refused, and so again
 * under the same key; a label is cancelled once. Its memory lives in the store.
 */
@QuarkusTest
class CarrierResourceTest {

    @Inject
    ThirdPartyKey carrierKey;

    @BeforeEach
    void withTheApiKey() {
        // the key the service's client sends, which the simulator takes; without it: aRequestWithoutTheApiKeyIsRefused
        Tokens.authorizationByDefault(carrierKey.key().authorization());
    }

    static final String API = "/carrier/v1";

    @Test
    void theCarrierDecidesTheTrackingNumberAndTheEstimatedDelivery() {
        assertBooked(label(newKey(), "ColiPoste", "75011"), "ColiPoste", "CP", 2);
        assertBooked(label(newKey(), "EuroExpress", "10115"), "EuroExpress", "EE", 4);
        assertBooked(label(newKey(), "WorldParcel", "10001"), "WorldParcel", "WP", 6);
    }

    @Test
    void askingAgainUnderTheSameKeyGetsTheSameLabel() {
        String key = newKey();
        String first = label(key, "ColiPoste", "75011").statusCode(200).extract().path("id");
        String tracking = label(key, "ColiPoste", "75011").statusCode(200).body("id", equalTo(first)).extract()
                .path("trackingNumber");

        label(key, "WorldParcel", "00000").statusCode(200).body("id", equalTo(first))
                .body("trackingNumber", equalTo(tracking)).body("carrier", equalTo("ColiPoste"));
        String other = label(newKey(), "ColiPoste", "75011").statusCode(200).extract().path("id");
        assertNotEquals(first, other, "another key, another label");
    }

    @Test
    void anUndeliverablePostalCodeIsRefusedAndStaysRefusedUnderItsKey() {
        String key = newKey();

        assertRefused(label(key, "ColiPoste", "00000"));
        assertRefused(label(key, "ColiPoste", "75011"));
    }

    @Test
    void aCancelledLabelIsCancelledOnceAndStaysSoUnderItsKey() {
        String key = newKey();
        String labelId = label(key, "ColiPoste", "75011").extract().path("id");

        cancel(labelId).statusCode(200).body("id", equalTo(labelId)).body("status", equalTo("cancelled"));
        cancel(labelId).statusCode(200).body("id", equalTo(labelId)).body("status", equalTo("cancelled"));
        label(key, "ColiPoste", "75011").statusCode(200).body("id", equalTo(labelId))
                .body("status", equalTo("cancelled"));
    }

    @Test
    void aCancellationOfALabelNobodyBookedIsNotFound() {
        cancel("lbl_nobody").statusCode(404).body("error.code", equalTo("resource_missing"));
    }

    @Test
    void aCarrierTheSimulatorDoesNotKnowIsABadRequestAndBooksNothing() {
        String key = newKey();

        label(key, "PonyExpress", "75011").statusCode(400).body("error.code", equalTo("carrier_unknown"));

        assertBooked(label(key, "ColiPoste", "75011"), "ColiPoste", "CP", 2);
    }

    @Test
    void aRequestWithoutTheApiKeyIsRefused() {
        String key = newKey();
        for (RequestSpecification request : withoutTheApiKey()) {
            request.contentType(ContentType.JSON).header("Idempotency-Key", key).body(body(key, "ColiPoste", "75011"))
                    .when().post(API + "/labels").then().statusCode(401)
                    .header("WWW-Authenticate", "Bearer")
                    .body("error.code", equalTo("invalid_api_key"));
        }
        // calling a label off as well: a bearer token of any role is not the key
        for (RequestSpecification request : withoutTheApiKey()) {
            request.contentType(ContentType.JSON).header("Idempotency-Key", key)
                    .when().post(API + "/labels/lbl-nothing/cancel").then().statusCode(401)
                    .header("WWW-Authenticate", "Bearer").body("error.code", equalTo("invalid_api_key"));
        }
        // nothing was booked: the key books the first label now
        assertBooked(label(key, "ColiPoste", "75011"), "ColiPoste", "CP", 2);
    }

    /** No credentials, a wrong key, and a bearer token of each role. */
    private static RequestSpecification[] withoutTheApiKey() {
        return new RequestSpecification[] { given().noFilters(), given().header("Authorization", "Bearer wrong"),
                given().header(Tokens.bearer(Tokens.customer("ada-" + UUID.randomUUID()))),
                given().header(Tokens.bearer(Tokens.operator())), given().header(Tokens.bearer(Tokens.carrier())) };
    }

    @Test
    void aRequestWithoutIdempotencyKeyOrMalformedIsRefusedAndDecidesNothing() {
        String key = newKey();

        given().contentType(ContentType.JSON).body(body(key, "ColiPoste", "00000"))
                .when().post(API + "/labels").then().statusCode(400);
        given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("carrier", "ColiPoste", "reference", key))
                .when().post(API + "/labels").then().statusCode(400);
        given().contentType(ContentType.JSON).when().post(API + "/labels/lbl_x/cancel").then().statusCode(400);

        assertBooked(label(key, "ColiPoste", "75011"), "ColiPoste", "CP", 2);
    }

    static ValidatableResponse label(String key, String carrier, String postalCode) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body(key, carrier, postalCode))
                .when().post(API + "/labels").then();
    }

    static ValidatableResponse cancel(String labelId) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", labelId + ":cancel")
                .when().post(API + "/labels/" + labelId + "/cancel").then();
    }

    static void assertBooked(ValidatableResponse response, String carrier, String prefix, int transitDays) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        response.statusCode(200).contentType(ContentType.JSON)
                .body("id", startsWith("lbl_"))
                .body("carrier", equalTo(carrier))
                .body("trackingNumber", matchesPattern(prefix + "[0-9A-Z]{10}"))
                .body("status", equalTo("created"))
                // booked just before midnight, answered just after
                .body("estimatedDelivery", oneOf(today.plusDays(transitDays).toString(),
                        today.minusDays(1).plusDays(transitDays).toString()));
    }

    static void assertRefused(ValidatableResponse response) {
        response.statusCode(422).contentType(ContentType.JSON)
                .body("error.type", equalTo("address_error"))
                .body("error.code", equalTo("address_undeliverable"));
    }

    private static String body(String reference, String carrier, String postalCode) {
        return "{\"carrier\": \"" + carrier + "\", \"reference\": \"" + reference + "\", \"recipient\": {\"name\": \"Ada\","
                + " \"line1\": \"12 rue des Lilas\", \"city\": \"Paris\", \"postalCode\": \"" + postalCode + "\","
                + " \"country\": \"FR\"}}";
    }

    static String newKey() {
        return "order-" + UUID.randomUUID();
    }
}
