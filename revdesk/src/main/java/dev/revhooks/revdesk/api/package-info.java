/**
 * A client for RevDesk's webhook subscriptions: subscribe a URL to an event type, unsubscribe it.
 * Every failure of a call is a {@link dev.revhooks.core.api.ManagementApiException}, the
 * exception all vendor clients share; the HTTP plumbing is core's {@code dev.revhooks.core.api},
 * whose package description lists the decisions common to every vendor client.
 *
 * <pre>{@code
 * RevDeskApi api = RevDeskApi.builder().apiKey(Secret.of(System.getenv("REVDESK_API_KEY"))).build();
 * String id = api.subscribe("https://hooks.example.com/revdesk/number_purchased",
 *         RevDeskEventType.NUMBER_PURCHASED);
 * }</pre>
 *
 * <h2>RevDesk's rules, in brief</h2>
 * <ul>
 *   <li>Base {@code https://api.revdesk.com/api/v1}; every call carries {@code Authorization: Bearer <API key>}.</li>
 *   <li>{@code POST /webhook_subscriptions} with {@code webhook_url} (an https URL, required),
 *       {@code event_type} (required), {@code workflow_id} and {@code campaign_id} (optional
 *       scopes) answers {@code {"id": "whk_…"}}. One subscription per event type; subscribing the
 *       same type again fans out to another URL.</li>
 *   <li>{@code DELETE /webhook_subscriptions/{id}} answers 204.</li>
 *   <li>The subscribe call has no field for a signing secret, so number-lifecycle deliveries of such
 *       a subscription carry {@code X-revdesk-Signature-256: no-secret-provided}: a
 *       {@link dev.revhooks.revdesk.RevDeskWebhooks} receiver refuses them unless built with
 *       {@code acceptUnauthenticatedNoSecretProvided()}, and nothing then authenticates them.</li>
 * </ul>
 *
 * <h2>Decisions where the document is silent</h2>
 * <ul>
 *   <li><b>Subscribe's status.</b> Not documented: 200 and 201 both count as success. Anything else,
 *       another 2xx or a redirect included (redirects are not followed), is
 *       {@code UNEXPECTED_STATUS} with the status and a bounded, redacted excerpt of the body.
 *       Unsubscribe counts only 204, as documented.</li>
 *   <li><b>Subscribe's answer</b> must be a JSON object with a non-blank string {@code id}; other
 *       fields are ignored. It is read with the shared JSON set-up (duplicate keys and trailing
 *       content refused); at most 8 MiB is read.</li>
 *   <li><b>No retries.</b> No call is retried by the client. When a subscribe fails other than with a
 *       4xx, the message says the subscription may exist: RevDesk documents no way to list
 *       subscriptions, and subscribing again may deliver each event twice.</li>
 *   <li><b>Arguments.</b> The webhook URL must be an absolute {@code https://} URL with a host, even
 *       in tests; messages never echo it (it may hold a secret path token). The event type is one of
 *       the {@link dev.revhooks.revdesk.RevDeskEventType} constants other than {@code UNKNOWN}, or a
 *       raw name (not blank, no surrounding white space) sent as given. {@code workflow_id} and
 *       {@code campaign_id} are strings (the document shows no values), omitted when null, and may
 *       not be blank or carry surrounding white space. A subscription id is sent percent-encoded as
 *       one path segment ({@code .} and {@code ..} refused).</li>
 *   <li><b>Base URI.</b> Configurable; {@code https} only, except {@code http} for the hosts
 *       {@code localhost} and {@code 127.0.0.1} so tests can run a local server; no user info, query
 *       or fragment.</li>
 *   <li><b>Timeouts.</b> Connect 10 s and request 30 s by default, each at most one hour; the
 *       request timeout bounds the whole call, reading the answer included.</li>
 *   <li><b>The API key</b> must be visible ASCII (it is sent in a header). Messages never quote an
 *       answer's body; the excerpt behind {@code bodyExcerpt()} and any parser complaint have every
 *       run of 8 or more of the key's characters (any case), the path and query of every URL, and
 *       the webhook URL this call sent (its path token too, wherever echoed) replaced by
 *       {@code <redacted>}.</li>
 * </ul>
 */
package dev.revhooks.revdesk.api;
