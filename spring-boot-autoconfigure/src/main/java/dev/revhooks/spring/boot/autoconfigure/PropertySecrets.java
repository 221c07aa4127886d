package dev.revhooks.spring.boot.autoconfigure;

import dev.revhooks.core.Secret;
import dev.revhooks.spring.boot.autoconfigure.RevhooksProperties.SecretEntry;
import java.util.ArrayList;
import java.util.List;

/** Turns a {@code secret} / {@code secrets} property pair into {@link Secret}s, naming the property on failure. */
final class PropertySecrets {

    private PropertySecrets() {
    }

    /**
     * The configured secrets, at least one.
     *
     * @param singleName the single-value property, e.g. {@code revhooks.revont.secret}
     * @param single its value, or null
     * @param listName the list property, e.g. {@code revhooks.revont.secrets}
     * @param list its entries
     */
    static List<Secret> required(String singleName, String single, String listName, List<SecretEntry> list) {
        List<Secret> secrets = optional(singleName, single, listName, list);
        if (secrets.isEmpty()) {
            throw new InvalidWebhookPropertyException(singleName, "is missing: set it (or " + listName + ")");
        }
        return secrets;
    }

    /** The configured secrets, possibly none. */
    static List<Secret> optional(String singleName, String single, String listName, List<SecretEntry> list) {
        List<SecretEntry> entries = list == null ? List.of() : list;
        if (single != null && !entries.isEmpty()) {
            throw new InvalidWebhookPropertyException(singleName, "and " + listName + " are both set: use one of them");
        }
        if (single != null) {
            return List.of(secret(singleName, null, single));
        }
        List<Secret> secrets = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            SecretEntry entry = entries.get(i);
            String name = listName + "[" + i + "]";
            if (entry.getId() != null && entry.getId().isBlank()) {
                throw new InvalidWebhookPropertyException(name + ".id", "is blank: give a name or leave it out");
            }
            secrets.add(secret(name + ".value", entry.getId(), entry.getValue()));
        }
        return List.copyOf(secrets);
    }

    static Secret secret(String property, String id, String value) {
        if (value == null) {
            throw new InvalidWebhookPropertyException(property, "is missing");
        }
        if (value.isBlank()) {
            throw new InvalidWebhookPropertyException(property, "is blank");
        }
        try {
            return id == null ? Secret.of(value) : Secret.of(id, value);
        } catch (IllegalArgumentException e) {
            // Secret's messages never show the value.
            throw new InvalidWebhookPropertyException(property, e.getMessage());
        }
    }
}
