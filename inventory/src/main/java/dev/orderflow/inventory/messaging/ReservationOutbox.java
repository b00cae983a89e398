package dev.orderflow.inventory.messaging;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.reactive.messaging.Channel;

import dev.orderflow.common.messaging.Envelope;
import dev.orderflow.common.messaging.MessageTypes;
import dev.orderflow.common.messaging.Messaging;
import dev.orderflow.common.outbox.Outbox;
import dev.orderflow.common.outbox.PendingMessage;
import dev.orderflow.common.store.StoreRetry;
import dev.orderflow.contracts.inventory.ReservationExpired;
import dev.orderflow.contracts.inventory.StockLine;
import dev.orderflow.inventory.Reservation;
import dev.orderflow.inventory.repository.ReservationRepository;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * The inventory.reservation-expired event on the {@code events} exchange, through the reservation's outbox: the
 * EXPIRED transition stores its {@link #expired pending event}, and the event is built from the stored reservation
 * when it is published.
 * <p>
 * A singleton, not application-scoped: {@link dev.orderflow.common.outbox.OutboxSweeper} calls the outbox's
 * package-private {@code sweep}, which a client proxy cannot pass on to the bean.
 */
@Singleton
public class ReservationOutbox extends Outbox<Reservation> {

    static final String RESERVATION_EXPIRED = MessageTypes.nameOf(ReservationExpired.class);

    public ReservationOutbox(ReservationRepository reservations, Messaging messaging,
            @Channel("events") MutinyEmitter<byte[]> events, StoreRetry storeRetry) {
        super(reservations.mongoCollection(), reservation -> reservation.orderId, reservation -> reservation.outbox, messaging,
                events, storeRetry);
    }

    /**
     * The event an expired reservation owes, to store with the EXPIRED transition. A reservation expires once, so
     * {@code <orderId>:reservation-expired} identifies the event, and a re-publish is recognised downstream.
     */
    public static PendingMessage expired(String orderId, Instant at) {
        return new PendingMessage(expiredId(orderId), RESERVATION_EXPIRED, at);
    }

    private static String expiredId(String orderId) {
        return orderId + ":reservation-expired";
    }

    /** The stock the expired reservation gave back, as its lines record it. */
    @Override
    protected Envelope<?> message(Reservation reservation, PendingMessage pending) {
        if (!RESERVATION_EXPIRED.equals(pending.type)) {
            throw new IllegalArgumentException("no reservation event of type " + pending.type);
        }
        List<StockLine> lines = reservation.lines.stream().map(line -> new StockLine(line.sku, (int) line.quantity))
                .toList();
        return Envelope.of(pending.messageId, reservation.orderId, new ReservationExpired(reservation.orderId, lines));
    }
}
