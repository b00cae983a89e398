package dev.orderflow.embedded.deployment;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkus.deployment.IsDevServicesSupportedByLaunchMode;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.dev.devservices.DevServicesConfig;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * In dev and test mode, gives the application a database without any container: the MongoDB at {@code MONGODB_URI}
 * when that is set (so the very same tests run against a real MongoDB), otherwise an {@link EmbeddedStoreService}
 * started for the application and kept across live reloads. Production mode never runs this.
 */
class EmbeddedStoreProcessor {

    static final String FEATURE = "embedded-store";
    static final String CONNECTION_STRING = "quarkus.mongodb.connection-string";
    static final String MONGODB_URI = "MONGODB_URI";

    @BuildStep(onlyIf = { IsDevServicesSupportedByLaunchMode.class, DevServicesConfig.Enabled.class })
    void provideDatabase(EmbeddedStoreBuildTimeConfig config, BuildProducer<DevServicesResultBuildItem> devServices) {
        if (!config.enabled() || ConfigUtils.isPropertyNonEmpty(CONNECTION_STRING)) {
            return;
        }
        Optional<String> external = ConfigProvider.getConfig().getOptionalValue(MONGODB_URI, String.class);
        if (external.isPresent()) {
            devServices.produce(DevServicesResultBuildItem.discovered()
                    .feature(FEATURE)
                    .description("MongoDB at " + MONGODB_URI)
                    .config(Map.of(CONNECTION_STRING, external.get()))
                    .build());
            return;
        }
        StoreSettings settings = new StoreSettings(config.port(), config.file().map(Path::of));
        devServices.produce(DevServicesResultBuildItem.<EmbeddedStoreService> owned()
                .feature(FEATURE)
                .description("embedded MongoDB-wire store")
                // equal settings keep the running store (and its data) across live reloads
                .serviceConfig(settings)
                .startable(() -> new EmbeddedStoreService(settings))
                .configProvider(Map.of(CONNECTION_STRING, EmbeddedStoreService::getConnectionInfo))
                .build());
    }

    record StoreSettings(int port, Optional<Path> file) {
    }
}
