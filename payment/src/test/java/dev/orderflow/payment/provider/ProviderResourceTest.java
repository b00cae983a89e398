package dev.orderflow.payment.provider;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

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
 * The simulated provider's API, as any client sees it: the token and the amount decide a first charge; asked again,
 * it answers the same; a charge is refunded once; a cancellation gives back what was charged under a reference, or
 * closes the reference. Its memory lives in the store.
 */
@QuarkusTest
class ProviderResourceTest {

    @Inject
    ThirdPartyKey providerKey;

    @BeforeEach
    void withTheApiKey() {
        // the key the service's client sends, which the simulator takes; without it: aRequestWithoutTheApiKeyIsRefused
        Tokens.authorizationByDefault(providerKey.key().authorization());
    }

    static final String API = "/provider/v1";

    @Test
    void theTokenAndTheAmountDecide() {
        charge(newReference(), "tok_visa", "10000.00").statusCode(200)
                .body("id", startsWith("ch_")).body("status", equalTo("succeeded")).body("amount", equalTo(10000.0f))
                .body("currency", equalTo("EUR"));
        assertDeclined(charge(newReference(), "tok_decline", "10.00"), "generic_decline");
        assertDeclined(charge(newReference(), "tok_insufficient_funds", "10.00"), "insufficient_funds");
        assertDeclined(charge(newReference(), "tok_unheard_of", "10.00"), "invalid_payment_method");
        assertDeclined(charge(newReference(), "tok_visa", "10000.01"), "invalid_amount");
    }

    @Test
    void askingAgainGetsTheFirstAnswer() {
        String reference = newReference();
        String chargeId = charge(reference, "tok_visa", "10.00").statusCode(200).extract().path("id");

        charge(reference, "tok_visa", "10.00").statusCode(200).body("id", equalTo(chargeId));
        charge(reference, "tok_decline", "99.00").statusCode(200).body("id", equalTo(chargeId))
                .body("amount", equalTo(10.0f));

        String declined = newReference();
        assertDeclined(charge(declined, "tok_decline", "10.00"), "generic_decline");
        assertDeclined(charge(declined, "tok_visa", "10.00"), "generic_decline");
    }

    @Test
    void aRefundGivesTheChargeBackOnceAndClosesTheReference() {
        String reference = newReference();
        String chargeId = charge(reference, "tok_visa", "42.00").extract().path("id");

        String refundId = refund(chargeId).statusCode(200)
                .body("id", startsWith("re_")).body("charge", equalTo(chargeId)).body("status", equalTo("succeeded"))
                .body("amount", equalTo(42.0f)).extract().path("id");

        refund(chargeId).statusCode(200).body("id", equalTo(refundId));
        assertDeclined(charge(reference, "tok_visa", "42.00"), "reference_closed");
    }

    @Test
    void aCancellationGivesBackWhatWasChargedUnderTheReference() {
        String reference = newReference();
        String chargeId = charge(reference, "tok_visa", "10.00").extract().path("id");

        String refundId = cancel(reference).statusCode(200).body("status", equalTo("refunded"))
                .body("charge", equalTo(chargeId)).body("reference", equalTo(reference)).extract().path("refund");

        cancel(reference).statusCode(200).body("status", equalTo("refunded")).body("refund", equalTo(refundId));
        refund(chargeId).statusCode(200).body("id", equalTo(refundId));
    }

    @Test
    void aCancellationBeforeAnyChargeClosesTheReference() {
        String reference = newReference();

        cancel(reference).statusCode(200).body("status", equalTo("cancelled"));

        assertDeclined(charge(reference, "tok_visa", "10.00"), "reference_closed");
        cancel(reference).statusCode(200).body("status", equalTo("cancelled"));
    }

    @Test
    void aDeclinedChargeHasNothingToGiveBack() {
        String reference = newReference();
        assertDeclined(charge(reference, "tok_insufficient_funds", "10.00"), "insufficient_funds");

        cancel(reference).statusCode(200).body("status", equalTo("cancelled"));
        assertDeclined(charge(reference, "tok_visa", "10.00"), "insufficient_funds");
    }

    @Test
    void aRefundOfAChargeNobodyMadeIsNotFound() {
        refund("ch_nobody").statusCode(404).body("error.code", equalTo("resource_missing"));
    }

    @Test
    void aRequestWithoutIdempotencyKeyIsRefusedAndDecidesNothing() {
        String reference = newReference();

        given().contentType(ContentType.JSON).body(body(reference, "tok_visa", "10.00"))
                .when().post(API + "/charges").then().statusCode(400);
        given().contentType(ContentType.JSON).body(Map.of("reference", reference))
                .when().post(API + "/cancellations").then().statusCode(400);

        assertDeclined(charge(reference, "tok_decline", "10.00"), "generic_decline");
    }

    @Test
    void aRequestWithoutTheApiKeyIsRefused() {
        String reference = newReference();
        for (RequestSpecification request : withoutTheApiKey()) {
            request.contentType(ContentType.JSON).header("Idempotency-Key", reference)
                    .body(body(reference, "tok_visa", "10.00"))
                    .when().post(API + "/charges").then().statusCode(401)
                    .header("WWW-Authenticate", "Bearer")
                    .body("error.code", equalTo("invalid_api_key"));
        }
        // the refunds and cancellations as well: a bearer token of any role is not the key
        for (RequestSpecification request : withoutTheApiKey()) {
            request.contentType(ContentType.JSON).header("Idempotency-Key", reference)
                    .when().post(API + "/charges/ch_nothing/refunds").then()
                    .statusCode(401).header("WWW-Authenticate", "Bearer").body("error.code", equalTo("invalid_api_key"));
        }
        for (RequestSpecification request : withoutTheApiKey()) {
            request.contentType(ContentType.JSON).header("Idempotency-Key", reference)
                    .body(Map.of("reference", reference)).when().post(API + "/cancellations").then().statusCode(401)
                    .header("WWW-Authenticate", "Bearer").body("error.code", equalTo("invalid_api_key"));
        }
        // nothing was decided: the reference is still free for a decline
        assertDeclined(charge(reference, "tok_decline", "10.00"), "generic_decline");
    }

    /** No credentials, a wrong key, and a bearer token of each role. */
    private static RequestSpecification[] withoutTheApiKey() {
        return new RequestSpecification[] { given().noFilters(), given().header("Authorization", "Bearer sk_wrong"),
                given().header(Tokens.bearer(Tokens.customer("ada-" + UUID.randomUUID()))),
                given().header(Tokens.bearer(Tokens.operator())), given().header(Tokens.bearer(Tokens.carrier())) };
    }

    @Test
    void aMalformedChargeIsRefused() {
        given().contentType(ContentType.JSON).header("Idempotency-Key", newReference())
                .body(Map.of("amount", -1, "currency", "EUR", "paymentMethod", "tok_visa", "reference", newReference()))
                .when().post(API + "/charges").then().statusCode(400);
    }

    static ValidatableResponse charge(String reference, String token, String amount) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", reference)
                .body(body(reference, token, amount))
                .when().post(API + "/charges").then();
    }

    static ValidatableResponse refund(String chargeId) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", chargeId + ":refund")
                .when().post(API + "/charges/" + chargeId + "/refunds").then();
    }

    static ValidatableResponse cancel(String reference) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", reference + ":cancel")
                .body(Map.of("reference", reference))
                .when().post(API + "/cancellations").then();
    }

    static void assertDeclined(ValidatableResponse response, String declineCode) {
        response.statusCode(402).contentType(ContentType.JSON)
                .body("error.type", equalTo("card_error"))
                .body("error.code", equalTo("card_declined"))
                .body("error.declineCode", equalTo(declineCode));
    }

    private static String body(String reference, String token, String amount) {
        return "{\"amount\": " + amount + ", \"currency\": \"EUR\", \"paymentMethod\": \"" + token + "\", \"reference\": \""
                + reference + "\", \"customer\": \"customer-1\"}";
    }

    static String newReference() {
        return "order-" + UUID.randomUUID();
    }
}
