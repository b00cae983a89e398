package dev.orderflow.deploy;

import java.util.Set;

/**
 * The Kustomize overlays under deploy/k8s/overlays, with what docs/deploy.md promises of each: how many replicas a
 * service runs at least, what it scales on, and the ConfigMaps you make before applying it (what is yours to choose
 * or generate, and so is not committed).
 */
enum Overlay {

    /**
     * A kind or minikube cluster: one replica to start with, every service on CPU (HPA); the public key of your local
     * run's token signing key pair.
     */
    LOCAL("local", 1, false, Set.of("orderflow-jwt-public-key")),

    /**
     * Two replicas at least; the participants on the depth of their queue (KEDA), order on CPU (HPA); your identity
     * provider's issuer and key location.
     */
    PRODUCTION("production", 2, true, Set.of("orderflow-jwt"));

    private final String directory;
    private final int minReplicas;
    private final boolean participantsScaleOnQueueDepth;
    private final Set<String> configMapsYouMake;

    Overlay(String directory, int minReplicas, boolean participantsScaleOnQueueDepth, Set<String> configMapsYouMake) {
        this.directory = directory;
        this.minReplicas = minReplicas;
        this.participantsScaleOnQueueDepth = participantsScaleOnQueueDepth;
        this.configMapsYouMake = configMapsYouMake;
    }

    /** The ConfigMaps docs/deploy.md has you make, with kubectl, before applying the overlay. */
    Set<String> configMapsYouMake() {
        return configMapsYouMake;
    }

    String directory() {
        return directory;
    }

    int minReplicas() {
        return minReplicas;
    }

    boolean scalesOnQueueDepth(OrderflowService service) {
        return participantsScaleOnQueueDepth && service.queue().isPresent();
    }

    @Override
    public String toString() {
        return directory;
    }
}
