package dev.orderflow.inventory.service;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.orderflow.common.rest.ProblemException;
import dev.orderflow.inventory.config.InventoryConfig;
import dev.orderflow.inventory.repository.ProductRepository;
import dev.orderflow.inventory.rest.NewProduct;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Loads {@code demo-catalogue.json} when the service starts with an empty catalogue (and the demo catalogue is
 * enabled: by default outside production). Products that exist already are left alone, so replicas starting together
 * do no harm.
 */
@ApplicationScoped
public class DemoCatalogue {

    static final String RESOURCE = "demo-catalogue.json";
    private static final Logger LOG = Logger.getLogger(DemoCatalogue.class);

    private final CatalogueService catalogue;
    private final ProductRepository products;
    private final ObjectMapper json;
    private final boolean enabled;

    public DemoCatalogue(CatalogueService catalogue, ProductRepository products, ObjectMapper json, InventoryConfig config) {
        this.catalogue = catalogue;
        this.products = products;
        this.json = json;
        this.enabled = config.demoCatalogue().enabled();
    }

    void onStart(@Observes StartupEvent start) {
        if (enabled) {
            loadIfEmpty().subscribe().with(
                    loaded -> LOG.infof(loaded == 0 ? "Catalogue not empty: demo catalogue not loaded"
                            : "Demo catalogue loaded: %d products", loaded),
                    failure -> LOG.errorf(failure, "Could not load the demo catalogue"));
        }
    }

    /** Loads the demo products into an empty catalogue; how many were added. */
    public Uni<Integer> loadIfEmpty() {
        return products.count().chain(count -> count > 0 ? Uni.createFrom().item(0)
                : Multi.createFrom().iterable(read())
                        .onItem().transformToUniAndConcatenate(product -> catalogue.create(product).replaceWith(1)
                                // another replica loaded it first
                                .onFailure(DemoCatalogue::isConflict).recoverWithItem(0))
                        .collect().with(Collectors.summingInt(Integer::intValue)));
    }

    private static boolean isConflict(Throwable failure) {
        return failure instanceof ProblemException problem && problem.status() == 409;
    }

    private List<NewProduct> read() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            return json.readValue(in, new TypeReference<List<NewProduct>>() {
            });
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE, e);
        }
    }
}
