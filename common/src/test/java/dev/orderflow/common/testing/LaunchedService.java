package dev.orderflow.common.testing;

import java.util.List;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * How a service's {@code @QuarkusIntegrationTest}s run it: the built application (the jar, or the native executable
 * with {@code -Pnative}) in its production configuration, given what production takes from the environment. The
 * database comes from the embedded-store extension, as in the other tests: a store it starts in the test JVM, or the
 * MongoDB at {@code MONGODB_URI}. The broker is the one the tests use ({@link TestBroker#settings()}), handed over by
 * {@link Broker}. Tokens are verified as production verifies them, with the issuer's public key read from a PEM file
 * (the test JVM's, {@link TestSigningKey}), handed over by {@link Issuer}. A service whose tests need settings of their own
 * extends this profile.
 */
public class LaunchedService implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Broker.class), new TestResourceEntry(Issuer.class));
    }

    /** Hands the launched application the tests' broker, which production names through RABBITMQ_HOST and the rest. */
    public static final class Broker implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            return TestBroker.settings();
        }

        @Override
        public void stop() {
        }
    }

    /** Hands the launched application the tests' issuer and the file of its public key, as production is given them. */
    public static final class Issuer implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            return Map.of("mp.jwt.verify.publickey.location", "file:" + TestSigningKey.publicKeyFile(),
                    "mp.jwt.verify.issuer", TestSigningKey.ISSUER);
        }

        @Override
        public void stop() {
        }
    }
}
