package dev.orderflow.common.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * Refuses to start a service in production without the issuer's public key and name to verify tokens with. Dev and
 * test mode verify with a key pair of their own (Quarkus generates one for dev mode, common's test jar one per test
 * JVM); production must never do so, nor silently start with no key and refuse every request. It looks first, before
 * the start-up work of the others (the indexes, the messaging channels), so a service without its key stops at once.
 */
public class VerificationKeyCheck {

    static final String KEY_LOCATION = "mp.jwt.verify.publickey.location";
    static final String KEY = "mp.jwt.verify.publickey";
    static final String ISSUER = "mp.jwt.verify.issuer";

    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start, Config config) {
        if (LaunchMode.current() == LaunchMode.NORMAL) {
            problem(name -> config.getOptionalValue(name, String.class)).ifPresent(problem -> {
                throw new IllegalStateException(problem);
            });
        }
    }

    /** What is missing from the configuration for verifying tokens in production, if anything. */
    static Optional<String> problem(Function<String, Optional<String>> config) {
        List<String> missing = new ArrayList<>();
        if (value(config, KEY_LOCATION).isEmpty() && value(config, KEY).isEmpty()) {
            missing.add("the issuer's public key: " + KEY_LOCATION + " (MP_JWT_VERIFY_PUBLICKEY_LOCATION), a PEM file or"
                    + " a JWKS URL such as file:/keys/jwt-public.pem or https://issuer.example/jwks");
        }
        if (value(config, ISSUER).isEmpty()) {
            missing.add("the issuer tokens must name: " + ISSUER + " (MP_JWT_VERIFY_ISSUER)");
        }
        return missing.isEmpty() ? Optional.empty()
                : Optional.of("Cannot verify bearer tokens without " + String.join(", and ", missing)
                        + ". A service in production never verifies with a key it made itself: set them and start again.");
    }

    private static Optional<String> value(Function<String, Optional<String>> config, String name) {
        // NONE is what the dev-mode key generator writes for a key it leaves unset
        return config.apply(name).filter(value -> !value.isBlank() && !"NONE".equals(value));
    }
}
