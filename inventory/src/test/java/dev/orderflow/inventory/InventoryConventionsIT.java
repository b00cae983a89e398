package dev.orderflow.inventory;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusIntegrationTest
@TestProfile(LaunchedInventory.class)
class InventoryConventionsIT extends InventoryConventionsTest {
}
