package dev.orderflow.inventory;

import dev.orderflow.common.testing.ServiceConventionsTest;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class InventoryConventionsTest extends ServiceConventionsTest {
}
