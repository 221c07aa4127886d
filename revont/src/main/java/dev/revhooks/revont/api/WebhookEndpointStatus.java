package dev.revhooks.revont.api;

import dev.revhooks.core.WireValue;

/**
 * The status of a registered Revont webhook endpoint, by its wire names, plus {@link #UNKNOWN} for
 * a status Revont adds later. Names match exactly and case-sensitively.
 *
 * <pre>{@code
 * for (WebhookEndpoint endpoint : api.list()) {
 *     if (endpoint.status() != null && endpoint.status().is(WebhookEndpointStatus.DISABLED)) {
 *         alerts.raise("Revont webhook " + endpoint.id() + " is disabled");
 *     }
 * }
 * }</pre>
 */
public enum WebhookEndpointStatus implements WireValue {
    /** {@code active}: Revont delivers events to the endpoint; every new endpoint starts so. */
    ACTIVE("active"),
    /** {@code disabled}: Revont does not deliver events to the endpoint. */
    DISABLED("disabled"),
    /** Any status the API document does not list; {@link dev.revhooks.core.OpenEnum#wire()} keeps it. */
    UNKNOWN(null);

    private final String wireName;

    WebhookEndpointStatus(String wireName) {
        this.wireName = wireName;
    }

    /**
     * The status exactly as the API sends it.
     *
     * @return the wire name, or null for {@link #UNKNOWN}
     */
    @Override
    public String wireName() {
        return wireName;
    }
}
