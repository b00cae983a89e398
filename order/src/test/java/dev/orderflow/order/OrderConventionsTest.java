package dev.orderflow.order;

import dev.orderflow.common.testing.ServiceConventionsTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OrderConventionsTest extends ServiceConventionsTest {
}
