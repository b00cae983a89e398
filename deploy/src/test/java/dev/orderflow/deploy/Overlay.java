package dev.orderflow.deploy;

/**
 * The Kustomize overlays under deploy/k8s/overlays, with what docs/deploy.md promises of each: how many replicas a
 * service runs at least, and what it scales on.
 */
enum Overlay {

    /** A kind or minikube cluster: one replica to start with, every service on CPU (HPA). */
    LOCAL("local", 1, false),

    /** Two replicas at least; the participants on the depth of their queue (KEDA), order on CPU (HPA). */
    PRODUCTION("production", 2, true);

    private final String directory;
    private final int minReplicas;
    private final boolean participantsScaleOnQueueDepth;

    Overlay(String directory, int minReplicas, boolean participantsScaleOnQueueDepth) {
        this.directory = directory;
        this.minReplicas = minReplicas;
        this.participantsScaleOnQueueDepth = participantsScaleOnQueueDepth;
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
