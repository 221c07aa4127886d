package dev.revhooks.spring.boot.autoconfigure;

import java.util.List;

/**
 * The endpoints one vendor configuration contributes.
 *
 * @param endpoints one per URL
 */
record VendorEndpoints(List<WebhookEndpoint> endpoints) {

    VendorEndpoints {
        endpoints = List.copyOf(endpoints);
    }

    static VendorEndpoints of(WebhookEndpoint... endpoints) {
        return new VendorEndpoints(List.of(endpoints));
    }
}
