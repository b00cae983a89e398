package dev.orderflow.common.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

class QueueArgumentsTest {

    @Test
    void quorumQueuesDeadLetterAtLeastOnce() {
        assertEquals(Map.of("x-dead-letter-strategy", "at-least-once", "x-overflow", "reject-publish"),
                QueueArguments.of("quorum"));
    }

    @Test
    void classicQueuesGetNoArgumentTheyWouldRefuse() {
        assertEquals(Map.of(), QueueArguments.of("classic"));
    }
}
