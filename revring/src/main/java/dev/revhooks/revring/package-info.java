/**
 * RevRing's webhooks: the post-call call record and the pre-call exchange, authenticated by the
 * {@code x-api-key} header.
 *
 * <pre>{@code
 * RevRingWebhooks receiver = RevRingWebhooks.builder()
 *         .apiKey(Secret.of("current", System.getenv("REVRING_API_KEY")))
 *         .build();
 * VerifiedDelivery<RevRingEvent> delivery = receiver.receive(WebhookRequest.of(rawBody, headers));
 * }</pre>
 *
 * <h2>The vendor's rules, in brief</h2>
 * <ul>
 *   <li>Both webhooks carry the API key generated in the RevRing dashboard in the
 *       {@code x-api-key} header. There is no signature and no timestamp.</li>
 *   <li>Post-call: a JSON call record ({@link dev.revhooks.revring.CallRecord}) with no
 *       {@code event} field; seven fields required, the rest optional; {@code direction},
 *       {@code status} and {@code hangupCause} are enumerations. RevRing expects {@code 200}.</li>
 *   <li>Pre-call, before an inbound call is answered: {@code event} ({@code "pre_call"}),
 *       {@code agentId}, {@code fromNumber}, {@code toNumber}, {@code dialedAgentId} (or null).
 *       The answer, within 3 seconds, is {@code 200} with {@code {"variables": {...}}}
 *       ({@link dev.revhooks.revring.PreCallAnswer}); on failure, timeout or invalid JSON RevRing
 *       goes on with default variables.</li>
 * </ul>
 *
 * <h2>Decisions where the documents are silent</h2>
 * <ol>
 *   <li><b>The key does not cover the body.</b> A static key proves the sender but not the body's
 *       integrity, and allows replays; only TLS protects the body. So there is no clock or
 *       tolerance option, and request guards can be added on top of the key.</li>
 *   <li><b>Header reading</b> ({@code core}'s shared-key verifier): name in any case; the value is
 *       trimmed of spaces and tabs only (HTTP's optional white space) and otherwise compared byte
 *       for byte, in constant time, against every configured key (rotation). Absent:
 *       {@code MISSING_SIGNATURE}; empty, or sent more than once: {@code MALFORMED_SIGNATURE};
 *       longer than 8 KiB: {@code HEADER_TOO_LARGE}; wrong: {@code SIGNATURE_MISMATCH}.</li>
 *   <li><b>A key with a stray character</b> is never accepted. Decision: any other white space,
 *       control or format character in the value (U+3000, U+00A0, U+200B, U+FEFF, a line break, ...,
 *       before, inside or after the key) is {@code MALFORMED_SIGNATURE}, found before any key is
 *       compared: no key can hold such a character and be sent in a header, so the value is not a
 *       key at all, and the check depends only on what was sent. A stray visible character is
 *       {@code SIGNATURE_MISMATCH}, like any other wrong key.</li>
 *   <li><b>Request guards</b> are opt-in and checked before the key, so a request refused by an
 *       allowlist learns nothing about keys. They replace the key only through the loudly named
 *       {@code dangerouslyAuthenticateWithRequestGuardsOnly()}; with neither a key nor that choice,
 *       {@code build()} fails. In guards-only mode a sent {@code x-api-key} is ignored, and keys
 *       together with that choice are refused as contradictory.</li>
 *   <li><b>Pre-call uses the same key</b>, because RevRing's pages list the same authorization
 *       for both webhooks.</li>
 *   <li><b>Which webhook a body is.</b> {@code "event": "pre_call"}: pre-call. No {@code event}:
 *       post-call ({@code post_call} is this library's name; a body saying {@code "post_call"} is
 *       read as post-call too). Any other string: {@link dev.revhooks.revring.RevRingEvent.Unknown}
 *       with the raw JSON, so a new webhook is never lost. A non-string {@code event} (null
 *       included) is a payload error. One URL may therefore serve both webhooks;
 *       {@code serving(type)} pins an endpoint to one, and the other documented webhook is then
 *       {@code EVENT_TYPE_MISMATCH} (HTTP 400); an unknown {@code event} is never a mismatch.
 *       {@code parse()} reports a mismatch as a payload error, since its contract allows no
 *       other exception.</li>
 *   <li><b>Required fields</b> are exactly those the documents mark so (post-call: {@code id},
 *       {@code direction}, {@code status}, {@code fromNumber}, {@code toNumber},
 *       {@code organizationId}, {@code agentId}; pre-call: {@code agentId}, {@code fromNumber},
 *       {@code toNumber}, which the pages describe without "or null"). Missing or {@code null},
 *       each is a payload error naming the field: the documents type them as non-null. Every
 *       other field may be absent or null, including {@code initiatedAt}, {@code createdAt},
 *       {@code updatedAt}, {@code metrics} and {@code variables}, which are neither marked
 *       required nor nullable, and {@code dialedAgentId} when absent.</li>
 *   <li><b>Undescribed JSON</b> ({@code transcript} entries, {@code metrics}, {@code variables})
 *       is kept as sent ({@code JsonNode}), whatever its shape. An absent or null
 *       {@code transcript} is an empty list; a JSON {@code null} in {@code metrics} or
 *       {@code variables} is {@code null}.</li>
 *   <li><b>Number size</b>: every number in the body, {@code BigDecimal} components and numbers inside
 *       {@code JsonNode}s alike, has at most 100 characters and a {@code BigDecimal} scale of at most
 *       100 either way ({@code core}'s {@code JsonLimits}): {@code 1e100} and {@code 1e-100} are
 *       read, {@code 1e101} or {@code 1e999999999} is a payload error naming the number's place
 *       (for example {@code number at /metrics/latencyMsP50 has a scale of -101}), in the fast path and the databind
 *       path alike. Such an exponent would make an application's {@code toPlainString()} or
 *       {@code toBigInteger()} exhaust memory or time.</li>

 *   <li><b>Values are kept as sent</b>: phone numbers, URLs and ids are not validated; a value
 *       outside an enumeration (the document example's {@code "<string>"} in {@code hangupCause}
 *       included) is the {@code UNKNOWN} constant with the string kept; matching is exact and
 *       case-sensitive. {@code durationSeconds} is a {@code Long}: a fraction is a payload
 *       error, a negative value is kept. Date-times with an offset are normalised to UTC.</li>
 *   <li><b>Delivery keys.</b> Post-call and unknown deliveries: {@code core}'s default
 *       ({@code revring:<event>:sha256(body)}), so a re-sent record is recognised. Pre-call:
 *       {@code revring:pre_call:<random UUID>}, unique per delivery, because a repeated pre-call
 *       must still get its variables and must never be dropped as a duplicate.</li>
 *   <li><b>Pre-call answers</b> hold string, integer, decimal and boolean variables, in the order
 *       set; setting a name again replaces the value; empty names and non-finite numbers are
 *       refused. An answer with no variable is {@code {"variables":{}}}.</li>
 * </ol>
 */
package dev.revhooks.revring;
