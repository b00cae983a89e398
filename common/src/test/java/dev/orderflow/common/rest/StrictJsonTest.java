package dev.orderflow.common.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A body is read exactly as its type says, or refused with a 400 problem naming the field: no coercion of scalars in
 * either direction, no truncated fraction, no unknown property, nothing after the value, no control character.
 */
@QuarkusTest
class StrictJsonTest {

    static final String PROBLEM = "application/problem+json";

    @ParameterizedTest(name = "{0} refused at {1}")
    @CsvSource(delimiter = '|', value = {
            // a number, a boolean, an object where a text is expected
            "{\"name\":0,\"quantity\":1}|name",
            "{\"name\":true,\"quantity\":1}|name",
            "{\"name\":-1.5,\"quantity\":1}|name",
            // a text, a fraction, a boolean where an integer is expected
            "{\"name\":\"a\",\"quantity\":\"5\"}|quantity",
            "{\"name\":\"a\",\"quantity\":1.5}|quantity",
            "{\"name\":\"a\",\"quantity\":true}|quantity",
            "{\"name\":\"a\",\"quantity\":\"\"}|quantity",
            // nested, in a list
            "{\"name\":\"a\",\"quantity\":1,\"parts\":[{\"sku\":7}]}|parts[0].sku",
            // a typo is not silently 'no quantity'
            "{\"name\":\"a\",\"quantty\":1}|quantty",
            "{\"name\":\"a\",\"quantity\":1,\"parts\":[{\"sku\":\"A\",\"colour\":\"red\"}]}|parts[0].colour" })
    void aValueOfAnotherTypeOrAnUnknownPropertyIsRefusedByName(String body, String field) {
        given().contentType(ContentType.JSON).body(body)
                .when().post("/test/widgets")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem(field));
    }

    @Test
    void anUnknownPropertyIsSaidToBeOne() {
        given().contentType(ContentType.JSON).body("{\"name\":\"a\",\"quantty\":1}")
                .when().post("/test/widgets")
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", equalTo("quantty is not a field of this request"));
    }

    @ParameterizedTest(name = "text with U+{0}")
    @ValueSource(strings = { "\\u0000", "\\u0007", "\\n", "\\t", "\\u001b", "\\u007f", "\\u0085", "\\ud800", "\\udc00x" })
    void aControlCharacterOrAnUnpairedSurrogateInATextIsRefused(String escaped) {
        given().contentType(ContentType.JSON).body("{\"name\":\"ab" + escaped + "c\",\"quantity\":1}")
                .when().post("/test/widgets")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("name"))
                .body("detail", containsString("control character"));
    }

    @Test
    void aPairedSurrogateIsPlainText() {
        given().contentType(ContentType.JSON).body("{\"name\":\"caf\u00e9 \\ud83d\\ude00\",\"quantity\":1}")
                .when().post("/test/widgets")
                .then().statusCode(200)
                .body("name", equalTo("caf\u00e9 \ud83d\ude00"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "{\"name\":\"a\",\"quantity\":1}garbage", "{\"name\":\"a\",\"quantity\":1}{}",
            "{\"name\":\"a\",\"quantity\":1} 1" })
    void nothingMayFollowTheValue(String body) {
        given().contentType(ContentType.JSON).body(body)
                .when().post("/test/widgets")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void aBodyExactlyAsItsTypeSaysIsTaken() {
        given().contentType(ContentType.JSON).body("{\"name\":\"a\",\"quantity\":3,\"parts\":[{\"sku\":\"A-1\"}]}")
                .when().post("/test/widgets")
                .then().statusCode(200)
                .body("quantity", equalTo(3));
    }
}
