package dev.revhooks.revont.api;

import dev.revhooks.core.Secret;
import java.util.Objects;

/**
 * A webhook endpoint just created, with its signing secret: the only moment Revont shows it.
 *
 * <pre>{@code
 * CreatedWebhookEndpoint created = api.create("https://hooks.example.com/revont",
 *         Set.of(RevontEventType.SUMMARY_READY), "CRM sync");
 * vault.store("revont-" + created.endpoint().id(), created.secret());  // now, or never
 * RevontWebhooks receiver = RevontWebhooks.builder().secret(created.secret()).build();
 * }</pre>
 *
 * <p>{@link #toString()} shows the secret redacted. The secret's id is the endpoint's id, so a
 * receiver built with it reports that id as {@code Authentication.credentialId()}.
 *
 * @param endpoint the endpoint as created
 * @param secret the signing secret, exactly as Revont returned it ({@code whsec_…}, used whole)
 */
public record CreatedWebhookEndpoint(WebhookEndpoint endpoint, Secret secret) {

    /**
     * Requires both parts.
     *
     * @param endpoint the endpoint
     * @param secret the signing secret
     */
    public CreatedWebhookEndpoint {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(secret, "secret");
    }
}
