/**
 * A client for Revont's Webhooks API: list, create and delete the endpoints Revont delivers to.
 * Every failure of a call is a {@link dev.revhooks.core.api.ManagementApiException}, the
 * exception all vendor clients share; the HTTP plumbing is core's {@code dev.revhooks.core.api},
 * whose package description lists the decisions common to every vendor client.
 *
 * <pre>{@code
 * RevontApi api = RevontApi.builder().apiKey(Secret.of(System.getenv("REVONT_API_KEY"))).build();
 * CreatedWebhookEndpoint created = api.create("https://hooks.example.com/revont",
 *         Set.of(RevontEventType.SUMMARY_READY), null);
 * RevontWebhooks receiver = RevontWebhooks.builder().secret(created.secret()).build();
 * }</pre>
 *
 * <h2>Revont's rules, in brief</h2>
 * <ul>
 *   <li>Base {@code https://api.revont.ai/v1}; every call carries {@code Authorization: Bearer <API key>}.</li>
 *   <li>{@code GET /webhooks} answers {@code {"data": [endpoint, ...]}}; an endpoint has {@code id},
 *       {@code url}, {@code events}, {@code description}, {@code created_at} (ISO 8601) and
 *       {@code status} ({@code active} or {@code disabled}).</li>
 *   <li>{@code POST /webhooks} with {@code url} (https only), {@code events} (at least one) and an
 *       optional {@code description} answers 201 with the endpoint plus {@code secret}, the signing
 *       secret, shown only then.</li>
 *   <li>{@code DELETE /webhooks/{id}} answers 204.</li>
 * </ul>
 *
 * <h2>Decisions where the document is silent</h2>
 * <ul>
 *   <li><b>Statuses.</b> Only the documented success status counts: 200 for list, 201 for create,
 *       204 for delete. Anything else, another 2xx or a redirect included (redirects are not
 *       followed), is {@code UNEXPECTED_STATUS} with the status and a bounded, redacted excerpt of the
 *       body, since an undocumented answer cannot be trusted to mean what we assume.</li>
 *   <li><b>No retries.</b> No call is retried by the client (create is not idempotent; list and
 *       delete are left to the caller too). When a create fails other than with a 4xx, the message
 *       says the endpoint may exist without its secret reaching the caller.</li>
 *   <li><b>Secrets in answers.</b> A 2xx answer to create is never quoted in an exception, nor is a
 *       parser's message about it: it may hold the signing secret. The secret becomes a
 *       {@link dev.revhooks.core.Secret} whose id is the endpoint's id; an empty secret or one with
 *       surrounding white space is {@code MALFORMED_RESPONSE}.</li>
 *   <li><b>Answers are read strictly</b> with the shared JSON set-up (duplicate keys, trailing
 *       content and type coercion refused; {@code created_at} must carry an offset). Only {@code id}
 *       is required; other fields may be null; an absent or null {@code events} is empty; unknown
 *       event names and statuses are kept as {@code UNKNOWN} with their text; unknown fields are
 *       ignored. The list's {@code data} is required (an answer without it is not the documented
 *       one). At most 8 MiB of an answer is read.</li>
 *   <li><b>Paging.</b> None is documented, so {@code list()} makes one call.</li>
 *   <li><b>Arguments.</b> The webhook URL must be an absolute {@code https://} URL with a host; the
 *       scheme matches case-insensitively, and messages never echo the URL (it may hold a secret
 *       path). Events: at least one; duplicates are sent once, in first-seen order; {@code UNKNOWN}
 *       is refused; raw names ({@code createWithEventNames}) are sent as given but may not be blank
 *       or carry surrounding white space. A description is sent as given, or omitted when null. An
 *       id is sent percent-encoded as one path segment ({@code .} and {@code ..} refused).</li>
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
package dev.revhooks.revont.api;
