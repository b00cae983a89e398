package dev.orderflow.shipping;

import dev.orderflow.common.testing.ServiceConventionsTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ShippingConventionsTest extends ServiceConventionsTest {
}
