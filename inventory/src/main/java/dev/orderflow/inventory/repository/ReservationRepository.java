package dev.orderflow.inventory.repository;

import jakarta.enterprise.context.ApplicationScoped;

import dev.orderflow.inventory.Reservation;
import io.quarkus.mongodb.panache.reactive.ReactivePanacheMongoRepositoryBase;

@ApplicationScoped
public class ReservationRepository implements ReactivePanacheMongoRepositoryBase<Reservation, String> {
}
