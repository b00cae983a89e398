package dev.orderflow.embedded.deployment;

import org.jboss.logging.Logger;

import dev.orderflow.embedded.EmbeddedStore;
import io.quarkus.deployment.builditem.Startable;

/** The embedded store as a Dev Service: started before the application, closed with the dev or test session. */
final class EmbeddedStoreService implements Startable {

    private static final Logger LOG = Logger.getLogger(EmbeddedStoreService.class);
    private static final String HOST = "127.0.0.1";

    private final EmbeddedStoreProcessor.StoreSettings settings;
    private volatile EmbeddedStore store;

    EmbeddedStoreService(EmbeddedStoreProcessor.StoreSettings settings) {
        this.settings = settings;
    }

    @Override
    public void start() {
        store = settings.file()
                .map(file -> EmbeddedStore.fileBacked(file, HOST, settings.port()))
                .orElseGet(() -> EmbeddedStore.inMemory(HOST, settings.port()));
        LOG.infof("Embedded store listening on %s (%s)", store.connectionString(), store.description());
    }

    @Override
    public String getConnectionInfo() {
        return store.connectionString();
    }

    @Override
    public String getContainerId() {
        return null;
    }

    @Override
    public void close() {
        EmbeddedStore running = store;
        if (running != null) {
            running.close();
            store = null;
        }
    }
}
