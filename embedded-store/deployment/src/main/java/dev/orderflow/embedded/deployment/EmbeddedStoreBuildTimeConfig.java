package dev.orderflow.embedded.deployment;

import java.util.Optional;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The embedded store in dev and test mode. It starts unless it is disabled here, or a database is configured through
 * {@code MONGODB_URI} or {@code quarkus.mongodb.connection-string}.
 */
@ConfigMapping(prefix = "quarkus.embedded-store")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface EmbeddedStoreBuildTimeConfig {

    /** Whether to start the embedded store when no database is configured. */
    @WithDefault("true")
    boolean enabled();

    /** The port to listen on, on 127.0.0.1; 0 picks a free one. */
    @WithDefault("0")
    int port();

    /** A file to keep the data in, so it survives a restart; without it the store is in memory. */
    Optional<String> file();
}
