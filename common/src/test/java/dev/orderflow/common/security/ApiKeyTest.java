package dev.orderflow.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class ApiKeyTest {

    @Test
    void theConfiguredKeyIsSentAsABearerAndOnlyItIsAccepted() {
        ApiKey key = ApiKey.configuredOrRandom(Optional.of("sk_test_1"));

        assertEquals("Bearer sk_test_1", key.authorization());
        assertTrue(key.accepts("Bearer sk_test_1"));
        assertFalse(key.accepts("Bearer sk_test_2"));
        assertFalse(key.accepts("sk_test_1"));
        assertFalse(key.accepts(null));
    }

    @Test
    void withoutAConfiguredKeyEachStartMakesItsOwn() {
        ApiKey one = ApiKey.configuredOrRandom(Optional.empty());
        ApiKey other = ApiKey.configuredOrRandom(Optional.of(" "));

        assertNotEquals(one.authorization(), other.authorization());
        assertTrue(one.accepts(one.authorization()));
        assertFalse(one.accepts(other.authorization()));
    }
}
