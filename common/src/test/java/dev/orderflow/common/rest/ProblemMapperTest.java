package dev.orderflow.common.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every error a resource can produce reaches the client as an RFC 9457 problem that names the refused field. */
@QuarkusTest
class ProblemMapperTest {

    static final String PROBLEM = "application/problem+json";

    @Test
    void validationErrorsNameEachField() {
        given().contentType(ContentType.JSON)
                .body("{\"name\":\"\",\"quantity\":0,\"parts\":[{\"sku\":\"A\"},{\"sku\":\" \"}]}")
                .when().post("/test/widgets")
                .then().statusCode(400).contentType(PROBLEM)
                .body("status", equalTo(400))
                .body("instance", equalTo("/test/widgets"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("quantity"))
                .body("errors.field", hasItem("parts[1].sku"));
    }

    @Test
    void missingBodyIsRefused() {
        given().contentType(ContentType.JSON)
                .when().post("/test/widgets")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("widget"));
    }

    @Test
    void malformedJsonIsRefused() {
        given().contentType(ContentType.JSON).body("{\"name\": \"a\", ")
                .when().post("/test/widgets")
                .then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("not valid JSON"));
    }

    @Test
    void wrongTypeNamesTheField() {
        given().contentType(ContentType.JSON).body("{\"name\":\"a\",\"quantity\":\"many\"}")
                .when().post("/test/widgets")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("quantity"));
    }

    @Test
    void queryParameterOutOfRangeNamesTheParameter() {
        given().queryParam("size", 1000)
                .when().get("/test/widgets")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("size"));
    }

    @Test
    void unknownEnumValueNamesTheParameter() {
        given().queryParam("size", 10).queryParam("colour", "GREEN")
                .when().get("/test/widgets")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("colour"))
                .body("errors.detail", hasItem("must be one of [RED, BLUE]"));
        given().queryParam("size", 10).queryParam("colour", "RED")
                .when().get("/test/widgets")
                .then().statusCode(200);
    }

    @Test
    void problemExceptionKeepsItsStatusAndDetail() {
        given().when().get("/test/widgets/blue")
                .then().statusCode(404).contentType(PROBLEM)
                .body("title", equalTo("Not Found"))
                .body("detail", equalTo("No widget named blue"));
    }

    @Test
    void unknownPathIsAProblemToo() {
        given().when().get("/test/nothing-here")
                .then().statusCode(404).contentType(PROBLEM)
                .body("status", equalTo(404));
    }

    @Test
    void unsupportedMediaTypeIsAProblem() {
        given().contentType(ContentType.XML).body("<widget/>")
                .when().post("/test/widgets")
                .then().statusCode(415).contentType(PROBLEM);
    }

    @Test
    void unexpectedErrorsRevealNothingInternal() {
        given().when().get("/test/widgets/broken/now")
                .then().statusCode(500).contentType(PROBLEM)
                .body("detail", not(containsString("internal detail")));
    }
}
