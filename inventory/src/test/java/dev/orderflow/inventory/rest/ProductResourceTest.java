package dev.orderflow.inventory.rest;

import static dev.orderflow.inventory.Stock.newProduct;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.orderflow.common.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

@QuarkusTest
class ProductResourceTest {

    static final String PROBLEM = "application/problem+json";

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeAll
    static void operatorByDefault() {
        // the catalogue's writes are an operator's (who may read it too): who may do what is InventoryAccessTest's
        Tokens.byDefault(Tokens.operator());
    }

    @Test
    void theDemoCatalogueIsLoadedIntoAnEmptyCatalogue() {
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().when().get("/products/product-001")
                .then().statusCode(200)
                .body("name", equalTo("Laptop"))
                .body("stock.received", equalTo(100)));
        given().when().get("/products/product-002").then().statusCode(200).body("name", equalTo("Mouse"));
        given().when().get("/products/product-003").then().statusCode(200).body("name", equalTo("Keyboard"));
        given().when().get("/products/PROD001").then().statusCode(200);
        given().when().get("/products/PROD002").then().statusCode(200);
    }

    @Test
    void createdProductIsFoundWhereLocationSays() {
        String sku = "created-" + UUID.randomUUID().toString().substring(0, 8);

        String location = given().contentType(ContentType.JSON).body(product(sku))
                .when().post("/products")
                .then().statusCode(201)
                .header("Location", endsWith("/products/" + sku))
                .body("stock.available", equalTo(12))
                .body("unitPrice", equalTo(19.99f))
                .extract().header("Location");

        given().when().get(location).then().statusCode(200)
                .body("sku", equalTo(sku))
                .body("currency", equalTo("EUR"))
                .body("stock.received", equalTo(12))
                .body("lowStockThreshold", equalTo(3));
    }

    @Test
    void aDuplicateSkuIsAConflictAndChangesNothing() {
        String sku = newProduct("dup", 5, 1);

        Map<String, Object> again = product(sku);
        again.put("name", "Other");
        given().contentType(ContentType.JSON).body(again)
                .when().post("/products")
                .then().statusCode(409).contentType(PROBLEM);

        given().when().get("/products/" + sku).then().body("name", equalTo("dup"));
    }

    @Test
    void listingPagesBySkuWithTheTotalAndFilters() {
        String category = "cat-" + UUID.randomUUID().toString().substring(0, 8);
        for (String suffix : new String[] { "c", "a", "b" }) {
            Map<String, Object> product = product(category + "-" + suffix);
            product.put("category", category);
            product.put("initialStock", suffix.equals("b") ? 1 : 50);
            product.put("lowStockThreshold", 5);
            given().contentType(ContentType.JSON).body(product).when().post("/products").then().statusCode(201);
        }

        given().queryParam("category", category).queryParam("size", 2)
                .when().get("/products")
                .then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.sku", contains(category + "-a", category + "-b"));
        given().queryParam("category", category).queryParam("size", 2).queryParam("page", 1)
                .when().get("/products")
                .then().body("items.sku", contains(category + "-c"));
        given().queryParam("category", category).queryParam("lowStock", true)
                .when().get("/products")
                .then().body("items.sku", contains(category + "-b"));
        given().queryParam("lowStock", true).queryParam("size", 100)
                .when().get("/products")
                .then().body("items.lowStock", everyItem(equalTo(true)));
    }

    @Test
    void updateReplacesTheDescriptionAndKeepsTheStock() {
        String sku = newProduct("old-name", 7, 1);
        Map<String, Object> update = Map.of("name", "New name", "description", "better", "category", "renamed", "unitPrice",
                new BigDecimal("5.5"),
                "currency", "USD", "lowStockThreshold", 2);

        given().contentType(ContentType.JSON).body(update)
                .when().put("/products/" + sku)
                .then().statusCode(200)
                .body("name", equalTo("New name"))
                .body("currency", equalTo("USD"))
                .body("stock.available", equalTo(7))
                .body("version", equalTo(1));
    }

    @Test
    void stockIsReceivedAndWrittenOffWithAReason() {
        String sku = newProduct("restock", 5, 0);

        given().contentType(ContentType.JSON).body(Map.of("change", 20, "reason", "delivery from supplier"))
                .when().put("/products/" + sku + "/stock")
                .then().statusCode(200)
                .body("stock.received", equalTo(25))
                .body("stock.available", equalTo(25))
                .body("recentMovements.reason", hasItem("delivery from supplier"));
        given().contentType(ContentType.JSON).body(Map.of("change", -4, "reason", "damaged"))
                .when().put("/products/" + sku + "/stock")
                .then().statusCode(200)
                .body("stock.received", equalTo(21))
                .body("stock.available", equalTo(21))
                .body("recentMovements", hasSize(2));
    }

    @Test
    void writingOffMoreThanIsAvailableIsRefusedAndChangesNothing() {
        String sku = newProduct("short", 5, 0);

        given().contentType(ContentType.JSON).body(Map.of("change", -6, "reason", "count"))
                .when().put("/products/" + sku + "/stock")
                .then().statusCode(409).contentType(PROBLEM);

        given().when().get("/products/" + sku).then().body("stock.available", equalTo(5)).body("version", equalTo(0));
    }

    @Test
    void badProductsAreRefusedNamingTheFieldAndNothingIsStored() {
        assertRefused(without("name"), "name");
        assertRefused(with("sku", "has spaces"), "sku");
        assertRefused(with("unitPrice", -1), "unitPrice");
        assertRefused(with("unitPrice", new BigDecimal("12.345678")), "unitPrice");
        assertRefused(with("currency", "euro"), "currency");
        assertRefused(with("initialStock", -5), "initialStock");
        assertRefused(with("initialStock", 1_000_000_000_000L), "initialStock");
        assertRefused(with("initialStock", "lots"), "initialStock");
        assertRefused(with("lowStockThreshold", -1), "lowStockThreshold");
    }

    @Test
    void malformedJsonIsRefused() {
        given().contentType(ContentType.JSON).body("{\"sku\": \"x\", ")
                .when().post("/products")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void badStockChangesAreRefusedNamingTheField() {
        String sku = newProduct("guarded", 5, 0);

        given().contentType(ContentType.JSON).body(Map.of("change", 0, "reason", "nothing"))
                .when().put("/products/" + sku + "/stock")
                .then().statusCode(400).body("errors.field", contains("change"));
        given().contentType(ContentType.JSON).body(Map.of("change", 10))
                .when().put("/products/" + sku + "/stock")
                .then().statusCode(400).body("errors.field", contains("reason"));
        given().contentType(ContentType.JSON).body(Map.of("change", 1_000_000_000, "reason", "absurd"))
                .when().put("/products/" + sku + "/stock")
                .then().statusCode(400).body("errors.field", contains("change"));

        given().when().get("/products/" + sku).then().body("stock.available", equalTo(5)).body("version", equalTo(0));
    }

    @Test
    void unknownSkusAreNotFound() {
        given().when().get("/products/nothing-like-this").then().statusCode(404).contentType(PROBLEM);
        given().contentType(ContentType.JSON).body(Map.of("change", 1, "reason", "x"))
                .when().put("/products/nothing-like-this/stock")
                .then().statusCode(404).contentType(PROBLEM);
        given().when().get("/reservations/no-such-order").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void pagingParametersAreBounded() {
        given().queryParam("size", 0).when().get("/products").then().statusCode(400).body("errors.field", contains("size"));
        given().queryParam("size", 101).when().get("/products").then().statusCode(400).body("errors.field", contains("size"));
        given().queryParam("page", -1).when().get("/products").then().statusCode(400).body("errors.field", contains("page"));
    }

    private static void assertRefused(Map<String, Object> body, String field) {
        Object sku = body.get("sku");
        given().contentType(ContentType.JSON).body(body)
                .when().post("/products")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem(field));
        if (sku instanceof String id && !id.contains(" ")) {
            given().when().get("/products/" + id).then().statusCode(404);
        }
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> product = product("bad-" + UUID.randomUUID().toString().substring(0, 8));
        product.put(field, value);
        return product;
    }

    private static Map<String, Object> without(String field) {
        Map<String, Object> product = product("bad-" + UUID.randomUUID().toString().substring(0, 8));
        product.remove(field);
        return product;
    }

    static Map<String, Object> product(String sku) {
        Map<String, Object> product = new HashMap<>();
        product.put("sku", sku);
        product.put("name", "Thing");
        product.put("description", "A thing");
        product.put("category", "things");
        product.put("unitPrice", new BigDecimal("19.99"));
        product.put("currency", "EUR");
        product.put("initialStock", 12);
        product.put("lowStockThreshold", 3);
        return product;
    }

}
