package dev.orderflow.inventory;

import java.util.Map;

import dev.orderflow.common.testing.LaunchedService;

/** Inventory as its integration tests run it: as in production, with the demo catalogue loaded as in the local run. */
public class LaunchedInventory extends LaunchedService {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("inventory.demo-catalogue.enabled", "true");
    }
}
