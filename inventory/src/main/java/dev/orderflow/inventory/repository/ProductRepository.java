package dev.orderflow.inventory.repository;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orderflow.inventory.Product;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;

@ApplicationScoped
public class ProductRepository implements ReactivePanacheMongoRepositoryBase<Product, String> {
}
