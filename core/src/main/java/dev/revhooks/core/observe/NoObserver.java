package dev.revhooks.core.observe;

/** The shared no-op observer and observation: nothing to record, nothing allocated. */
enum NoObserver implements WebhookObserver, DeliveryObservation {
    INSTANCE;

    @Override
    public DeliveryObservation start(String vendor) {
        return this;
    }

    @Override
    public String toString() {
        return "WebhookObserver.none()";
    }
}
