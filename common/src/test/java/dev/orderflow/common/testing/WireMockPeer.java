package dev.orderflow.common.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.Map;
import java.util.Objects;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A WireMock server standing in for a service this one calls over HTTP (the payment provider, the carrier), on a free
 * port, where the service's rest client is sent: the init argument {@value #URL_PROPERTY} names the client's URL
 * setting. Tests get the server in a field marked {@link InjectWireMock}, stub its answers and count the requests it
 * received.
 */
public class WireMockPeer implements QuarkusTestResourceLifecycleManager {

    public static final String URL_PROPERTY = "url-property";

    private String urlProperty;
    private WireMockServer server;

    @Override
    public void init(Map<String, String> initArgs) {
        urlProperty = Objects.requireNonNull(initArgs.get(URL_PROPERTY), "WireMockPeer needs the " + URL_PROPERTY);
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort());
        server.start();
        return Map.of(urlProperty, server.baseUrl());
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(InjectWireMock.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
