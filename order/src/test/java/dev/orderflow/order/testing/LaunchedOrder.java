package dev.orderflow.order.testing;

import java.util.Map;

import dev.orderflow.common.testing.LaunchedService;

/**
 * Order as its integration tests run it: as in production, but sending its commands to the {@link FakeParticipants}'
 * exchange, as in the other tests, so that none of them waits in a real participant's queue.
 */
public class LaunchedOrder extends LaunchedService {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("mp.messaging.outgoing.commands.exchange.name", FakeParticipants.COMMANDS);
    }
}
