package dev.orderflow.common.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.orderflow.contracts.inventory.CommitStock;
import dev.orderflow.contracts.inventory.ReleaseStock;
import io.smallrye.mutiny.Uni;

class CommandHandlersTest {

    final CommandHandlers handlers = CommandHandlers.of(
            CommandHandlers.on(ReleaseStock.class, release -> Uni.createFrom().item("released " + release.orderId())),
            CommandHandlers.on(CommitStock.class, commit -> Uni.createFrom().item("committed " + commit.orderId())));

    @Test
    void eachCommandGoesToItsOwnHandler() {
        assertEquals("released o-1", handlers.handle(Envelope.of("o-1", new ReleaseStock("o-1"))).await().indefinitely());
        assertEquals("committed o-2", handlers.handle(Envelope.of("o-2", new CommitStock("o-2"))).await().indefinitely());
    }

    @Test
    void theAcceptedTypesAreTheDeclaredOnes() {
        assertEquals(ReleaseStock.class, handlers.types().classOf("inventory.release").orElseThrow());
        assertEquals(CommitStock.class, handlers.types().classOf("inventory.commit").orElseThrow());
        assertTrue(handlers.types().classOf("inventory.reserve").isEmpty());
    }

    @Test
    void theQueueMustBeBoundWithExactlyTheHandledTypes() {
        handlers.requireRoutedBy(List.of("inventory.commit", "inventory.release"));
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> handlers.requireRoutedBy(List.of("inventory.release")));
        assertTrue(missing.getMessage().contains("inventory.commit,inventory.release"), missing.getMessage());
        assertThrows(IllegalStateException.class,
                () -> handlers.requireRoutedBy(List.of("inventory.commit", "inventory.release", "inventory.reserve")));
    }

    @Test
    void aTypeWithoutHandlerFails() {
        Envelope<Object> stray = new Envelope<>("m-1", "o-3", "inventory.reserve", null, new ReleaseStock("o-3"));
        assertThrows(IllegalStateException.class, () -> handlers.handle(stray).await().indefinitely());
    }
}
