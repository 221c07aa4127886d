package dev.revhooks.demo;

import java.net.URI;
import java.util.List;

/** The text each mode starts with: where the receiver listens and what each URL receives. */
final class Banner {

    private Banner() {
    }

    static String showcase(URI base, List<Endpoint> endpoints, int deliveries) {
        String nl = System.lineSeparator();
        return "revhooks demo: a WebhookFilter per vendor webhook in embedded Jetty 12 at " + base + nl + nl
                + endpoints(endpoints) + nl
                + "Sending " + deliveries + " deliveries over HTTP: each vendor document's example, signed with a demo"
                + " secret by the vendor module's signer," + nl
                + "then tampered, forged, wrong-key, stale, replayed and unauthenticated variants of them." + nl + nl;
    }

    static String serve(URI base, List<Endpoint> endpoints) {
        String nl = System.lineSeparator();
        String preCallBody = "{\"event\":\"pre_call\",\"agentId\":\"3c90c3cc-0d44-4b50-8888-8dd25736052a\","
                + "\"fromNumber\":\"+14155550123\",\"toNumber\":\"+14155550199\"}";
        String revontBody = "{\"event\":\"call.ended\",\"timestamp\":\"2024-09-15T14:32:00Z\","
                + "\"data\":{\"call_id\":\"call_1\"}}";
        return "revhooks demo receiver at " + base + " (127.0.0.1 only); Ctrl-C stops it." + nl + nl
                + endpoints(endpoints) + nl
                + "Demo credentials (public demo values: never use them on a real endpoint):" + nl
                + new TextTable("VENDOR", "CREDENTIAL", "VALUE")
                        .row("revont", "signing secret", DemoSecrets.REVONT_SIGNING_SECRET)
                        .row("revrag", "signing secret", DemoSecrets.REVRAG_SIGNING_SECRET)
                        .row("revring", "API key", DemoSecrets.REVRING_API_KEY)
                        .row("revdesk", "signing secret", DemoSecrets.REVDESK_SIGNING_SECRET)
                        .row("revdesk", "path token ({token})", DemoSecrets.REVDESK_PATH_TOKEN)
                        .render() + nl
                + String.join(nl,
                        "Try it. RevRing authenticates with a static key, so curl alone will do:",
                        "  curl -i " + base + Endpoints.REVRING_PRE_CALL + " -H 'x-api-key: " + DemoSecrets.REVRING_API_KEY
                                + "' \\",
                        "    -H 'Content-Type: application/json' --data-binary '" + preCallBody + "'",
                        "Signed vendors need an HMAC of the exact body bytes, e.g. Revont:",
                        "  BODY='" + revontBody + "'",
                        "  SIG=$(printf '%s' \"$BODY\" | openssl dgst -sha256 -hmac '" + DemoSecrets.REVONT_SIGNING_SECRET
                                + "' -r | cut -d' ' -f1)",
                        "  curl -i " + base + Endpoints.REVONT
                                + " -H \"X-Revont-Signature: sha256=$SIG\" --data-binary \"$BODY\"",
                        "",
                        "Each typed event, dead letter, rejection and duplicate is logged below.",
                        "");
    }

    private static String endpoints(List<Endpoint> endpoints) {
        TextTable table = new TextTable("POST", "VENDOR", "RECEIVES", "AUTHENTICATION");
        for (Endpoint endpoint : endpoints) {
            table.row(endpoint.path(), endpoint.vendor(), endpoint.webhook(), endpoint.authentication());
        }
        return table.render();
    }
}
