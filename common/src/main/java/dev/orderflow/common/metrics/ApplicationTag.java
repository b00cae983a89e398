package dev.orderflow.common.metrics;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * Every meter of a service carries the tag {@code application} = its {@code quarkus.application.name} (order,
 * inventory...), so that one query covers a service's replicas and a dashboard tells the services apart. Quarkus applies
 * every {@link MeterFilter} bean to its registries before any meter is registered; its configuration has no common
 * tags of its own.
 */
@Singleton
public class ApplicationTag {

    public static final String TAG = "application";

    @Produces
    @Singleton
    MeterFilter applicationTag(@ConfigProperty(name = "quarkus.application.name") String application) {
        return MeterFilter.commonTags(Tags.of(TAG, application));
    }
}
