package dev.orderflow.inventory.rest;

import dev.orderflow.inventory.LaunchedInventory;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusIntegrationTest
@TestProfile(LaunchedInventory.class)
class ProductResourceIT extends ProductResourceTest {
}
