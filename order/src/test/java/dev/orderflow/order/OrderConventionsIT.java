package dev.orderflow.order;

import dev.orderflow.common.testing.LaunchedService;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusIntegrationTest
@TestProfile(LaunchedService.class)
class OrderConventionsIT extends OrderConventionsTest {
}
