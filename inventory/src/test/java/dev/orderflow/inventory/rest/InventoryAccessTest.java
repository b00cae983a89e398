package dev.orderflow.inventory.rest;

import static dev.orderflow.inventory.Stock.newProduct;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.orderflow.common.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Who may do what with the catalogue and the reservations, every endpoint against no token and each role: customers
 * and operators read the catalogue, only operators change it and read the reservations, a carrier has no business
 * here.
 */
@QuarkusTest
class InventoryAccessTest {

    static final String PROBLEM = "application/problem+json";

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void customersAndOperatorsReadTheCatalogue() {
        String sku = newProduct("lamp", 5, 1);

        for (String path : new String[] { "/products", "/products/" + sku }) {
            anonymous().get(path).then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", "Bearer");
            as(Tokens.carrier()).get(path).then().statusCode(403).contentType(PROBLEM);
            as(Tokens.customer("ada-" + UUID.randomUUID())).get(path).then().statusCode(200);
            as(Tokens.operator()).get(path).then().statusCode(200);
        }
    }

    @Test
    void onlyOperatorsAddProducts() {
        String sku = "access-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> product = ProductResourceTest.product(sku);

        anonymous().contentType(ContentType.JSON).body(product).post("/products").then().statusCode(401)
                .contentType(PROBLEM);
        for (String token : new String[] { Tokens.customer("ada-" + UUID.randomUUID()), Tokens.carrier() }) {
            as(token).contentType(ContentType.JSON).body(product).post("/products").then().statusCode(403)
                    .contentType(PROBLEM);
        }
        as(Tokens.operator()).get("/products/" + sku).then().statusCode(404);

        as(Tokens.operator()).contentType(ContentType.JSON).body(product).post("/products").then().statusCode(201);
    }

    @Test
    void onlyOperatorsChangeAProductAndItsStock() {
        String sku = newProduct("chair", 5, 1);
        Map<String, Object> update = Map.of("name", "Armchair", "category", "test", "unitPrice", new BigDecimal("12.00"),
                "currency", "EUR", "lowStockThreshold", 1);
        Map<String, Object> stock = Map.of("change", 3, "reason", "delivery");

        anonymous().contentType(ContentType.JSON).body(update).put("/products/" + sku).then().statusCode(401);
        anonymous().contentType(ContentType.JSON).body(stock).put("/products/" + sku + "/stock").then().statusCode(401);
        for (String token : new String[] { Tokens.customer("ada-" + UUID.randomUUID()), Tokens.carrier() }) {
            as(token).contentType(ContentType.JSON).body(update).put("/products/" + sku).then().statusCode(403)
                    .contentType(PROBLEM);
            as(token).contentType(ContentType.JSON).body(stock).put("/products/" + sku + "/stock").then().statusCode(403)
                    .contentType(PROBLEM);
        }
        as(Tokens.operator()).get("/products/" + sku).then().statusCode(200).body("name", equalTo("chair"))
                .body("stock.available", equalTo(5));

        as(Tokens.operator()).contentType(ContentType.JSON).body(update).put("/products/" + sku).then().statusCode(200);
        as(Tokens.operator()).contentType(ContentType.JSON).body(stock).put("/products/" + sku + "/stock").then()
                .statusCode(200);
    }

    @Test
    void onlyOperatorsReadReservations() {
        String path = "/reservations/order-" + UUID.randomUUID();

        anonymous().get(path).then().statusCode(401).contentType(PROBLEM);
        as(Tokens.customer("ada-" + UUID.randomUUID())).get(path).then().statusCode(403).contentType(PROBLEM);
        as(Tokens.carrier()).get(path).then().statusCode(403).contentType(PROBLEM);
        // past the guard: an order that holds nothing
        as(Tokens.operator()).get(path).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void untrustworthyTokensAreRefused() {
        for (String token : new String[] { Tokens.expired("op", "operator"), Tokens.wrongIssuer("op", "operator"),
                Tokens.badSignature("op", "operator"), Tokens.algNone("op", "operator") }) {
            as(token).get("/products").then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", "Bearer");
        }
    }

    private static RequestSpecification anonymous() {
        return given().noFilters();
    }

    private static RequestSpecification as(String token) {
        return given().header(Tokens.bearer(token));
    }
}
