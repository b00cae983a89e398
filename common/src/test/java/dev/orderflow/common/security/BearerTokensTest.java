package dev.orderflow.common.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.orderflow.common.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * How every service treats the bearer token: verified against the issuer's key and name, refused as a 401 problem
 * when missing or untrustworthy, a 403 problem when its role may not call the endpoint; probes need none.
 */
@QuarkusTest
class BearerTokensTest {

    static final String PROBLEM = "application/problem+json";

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aRequestWithoutATokenIsAProblemThatAsksForOne() {
        given().noFilters().when().get("/test/guarded")
                .then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401))
                .body("instance", equalTo("/test/guarded"));
    }

    @Test
    void untrustworthyTokensAreRefused() {
        List<String> refused = List.of(Tokens.expired("test-operator", Roles.OPERATOR),
                Tokens.wrongIssuer("test-operator", Roles.OPERATOR), Tokens.badSignature("test-operator", Roles.OPERATOR),
                Tokens.algNone("test-operator", Roles.OPERATOR), "not-a-jwt");
        for (String token : refused) {
            given().header(Tokens.bearer(token)).when().get("/test/guarded")
                    .then().statusCode(401).contentType(PROBLEM)
                    .header("WWW-Authenticate", "Bearer")
                    .body("status", equalTo(401));
        }
    }

    @Test
    void aValidTokenOfTheRightRoleIsServedAsItsSubject() {
        given().header(Tokens.bearer(Tokens.operator())).when().get("/test/guarded")
                .then().statusCode(200).body(equalTo("test-operator"));
    }

    @Test
    void aRoleTheEndpointDoesNotAllowIsForbidden() {
        for (String token : List.of(Tokens.customer("ada"), Tokens.carrier())) {
            given().header(Tokens.bearer(token)).when().get("/test/guarded")
                    .then().statusCode(403).contentType(PROBLEM)
                    .body("status", equalTo(403));
        }
    }

    @Test
    void anEndpointThatNamesNoRoleIsRefusedToEveryone() {
        given().header(Tokens.bearer(Tokens.operator())).when().get("/test/guarded/undeclared")
                .then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void aCustomerSeesOnlyTheirOwnAndAnOperatorEveryones() {
        given().header(Tokens.bearer(Tokens.customer("ada"))).when().get("/test/guarded/sees/ada").then().body(equalTo("true"));
        given().header(Tokens.bearer(Tokens.customer("ada"))).when().get("/test/guarded/sees/bob").then()
                .body(equalTo("false"));
        given().header(Tokens.bearer(Tokens.operator())).when().get("/test/guarded/sees/bob").then().body(equalTo("true"));
    }

    @Test
    void scrapersNeedNoToken() {
        // and the probes, which every service's ServiceConventionsTest checks: common has none
        given().noFilters().when().get("/q/metrics").then().statusCode(200);
        // nor are they refused for a token they did not need
        given().header(Tokens.bearer("not-a-jwt")).when().get("/q/metrics").then().statusCode(200);
    }
}
