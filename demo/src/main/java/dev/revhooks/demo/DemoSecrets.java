package dev.revhooks.demo;

import dev.revhooks.core.Secret;

/**
 * The demo's made-up credentials. They are public on purpose ({@code --serve} prints them so you
 * can sign your own deliveries): never configure them on a real endpoint.
 */
final class DemoSecrets {

    static final String REVONT_SIGNING_SECRET = "whsec_revhooks_demo_revont";
    static final String REVRAG_SIGNING_SECRET = "revhooks-demo-revrag-secret";
    static final String REVRING_API_KEY = "revhooks-demo-revring-key";
    static final String REVDESK_SIGNING_SECRET = "revhooks-demo-revdesk-secret";
    static final String REVDESK_PATH_TOKEN = "revhooks-demo-path-token-5c1f0e8a";
    /** What an attacker signs with: a key that is not the endpoint's. */
    static final String ATTACKER_KEY = "revhooks-demo-attacker-key";

    private DemoSecrets() {
    }

    static Secret revont() {
        return Secret.of("revont-demo", REVONT_SIGNING_SECRET);
    }

    static Secret revrag() {
        return Secret.of("revrag-demo", REVRAG_SIGNING_SECRET);
    }

    static Secret revring() {
        return Secret.of("revring-demo", REVRING_API_KEY);
    }

    static Secret revdesk() {
        return Secret.of("revdesk-demo", REVDESK_SIGNING_SECRET);
    }

    static Secret revdeskPathToken() {
        return Secret.of("revdesk-path-token", REVDESK_PATH_TOKEN);
    }

    static Secret attacker() {
        return Secret.of("attacker", ATTACKER_KEY);
    }
}
