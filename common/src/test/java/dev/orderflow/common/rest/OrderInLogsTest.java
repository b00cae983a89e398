package dev.orderflow.common.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import dev.orderflow.common.testing.LogLines;
import io.quarkus.test.junit.QuarkusTest;

/** A request about an order (its id in the path or the query) writes log lines that name the order. */
@QuarkusTest
class OrderInLogsTest {

    @RegisterExtension
    static final LogLines logs = LogLines.of(OrderTestResource.class.getName());

    @Path("/test/orders")
    @PermitAll
    public static class OrderTestResource {

        private static final Logger LOG = Logger.getLogger(OrderTestResource.class);

        @GET
        @Path("{orderId}")
        public String byPath(String orderId) {
            LOG.info("read by path");
            return orderId;
        }

        @GET
        public String byQuery(@QueryParam("orderId") String orderId) {
            LOG.info("read by query");
            return orderId;
        }
    }

    @Test
    void theOrderInThePathIsOnTheRequestsLines() {
        String order = "order-" + UUID.randomUUID();

        given().when().get("/test/orders/" + order).then().statusCode(200);

        assertEquals(List.of("read by path"), logs.aboutOrder(order).stream().map(LogLines.Line::message).toList());
    }

    @Test
    void theOrderInTheQueryIsOnTheRequestsLines() {
        String order = "order-" + UUID.randomUUID();

        given().queryParam("orderId", order).when().get("/test/orders").then().statusCode(200);

        assertEquals(List.of("read by query"), logs.aboutOrder(order).stream().map(LogLines.Line::message).toList());
    }
}
