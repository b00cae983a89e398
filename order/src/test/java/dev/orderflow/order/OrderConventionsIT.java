package dev.orderflow.order;

import dev.orderflow.order.testing.LaunchedOrder;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusIntegrationTest
@TestProfile(LaunchedOrder.class)
class OrderConventionsIT extends OrderConventionsTest {
}
