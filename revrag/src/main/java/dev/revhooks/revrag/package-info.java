/**
 * RevRag webhooks: {@code call.ended} deliveries signed with HMAC-SHA256 over
 * {@code "{t}.{raw_body}"}, with replay protection, parsed into {@link dev.revhooks.revrag.CallStatus}.
 *
 * <pre>{@code
 * RevRagWebhooks revrag = RevRagWebhooks.builder()
 *         .secret(Secret.of(System.getenv("REVRAG_WEBHOOK_SECRET")))
 *         .build();
 * VerifiedDelivery<RevRagEvent> delivery = revrag.receive(WebhookRequest.of(rawBody, headers));
 * }</pre>
 *
 * <h2>The vendor's rules, in brief</h2>
 * <ul>
 *   <li>Each delivery is a POST with {@code X-Webhook-Event} (e.g. {@code call.ended}),
 *       {@code X-Webhook-Timestamp} (Unix seconds), {@code X-Webhook-Signature:
 *       t=<timestamp>,v1=<hmac_sha256_hex>} and {@code X-Webhook-ID} (for de-duplication and
 *       logging).</li>
 *   <li>The signature is HMAC-SHA256, keyed with the shared signing secret, over the bytes of the
 *       timestamp, {@code "."} and the raw body exactly as received. Only that is signed: the
 *       event name and the id are not.</li>
 *   <li>Only {@code call.ended} exists today. Its body is the Get Call Status object (the same
 *       contract as campaign calls), carrying your {@code app_user_id} top-level.</li>
 * </ul>
 *
 * <h2>Decisions where the document is silent</h2>
 * <ul>
 *   <li><b>Key bytes</b>: the secret's UTF-8 bytes exactly as RevRag shows it; the document
 *       describes no encoding or prefix to strip.</li>
 *   <li><b>Which timestamp is signed</b>: {@code t=} in the signature header. RevRag says it
 *       carries the same value as {@code X-Webhook-Timestamp}; when that header is sent it must be
 *       character for character equal to {@code t}, otherwise {@code MALFORMED_SIGNATURE} (a
 *       disagreement cannot be used to sign one value and have another checked). When it is absent,
 *       {@code t} alone is used, since {@code t} is what the HMAC covers.</li>
 *   <li><b>Signature header syntax</b>: comma-separated {@code name=value} entries with optional
 *       spaces or tabs around each; names are case-sensitive as documented; unknown names
 *       ({@code v0}, {@code v2}, …) are ignored; several {@code v1} entries are candidates, valid
 *       when any matches any configured secret (the sender rotating its secret). An entry without
 *       {@code '='} (an empty one too), a repeated {@code t}, or a {@code v1} that is not 64 hex
 *       digits (either case: case carries no information) is {@code MALFORMED_SIGNATURE}.</li>
 *   <li><b>Typed outcomes</b>: no signature header or no {@code v1} entry:
 *       {@code MISSING_SIGNATURE}; no {@code t} entry: {@code MISSING_TIMESTAMP} (the scheme signs a
 *       timestamp and none was sent; {@code X-Webhook-Timestamp} is not used in its place, so one
 *       value is always the signed one); a {@code t} that is not ASCII digits:
 *       {@code MALFORMED_SIGNATURE}; a signature header or {@code X-Webhook-Timestamp} sent twice:
 *       {@code MALFORMED_SIGNATURE}; longer than 8 KiB: {@code HEADER_TOO_LARGE}.</li>
 *   <li><b>Order</b>: body limit, signature header, HMAC, then timestamp window. Checking the HMAC
 *       first makes {@code TIMESTAMP_OUT_OF_TOLERANCE} mean "authentic but stale or early" (a
 *       replay or a skewed clock); it costs nothing, since a forger can always send a fresh
 *       {@code t}.</li>
 *   <li><b>Window</b>: 5 minutes each way by default, both edges accepted, against an injectable
 *       {@code Clock}; a {@code t} too large for a {@code long} is out of tolerance.
 *       {@code dangerouslyDisableTimestampCheck()} skips only the window: {@code t} must still be
 *       present, well formed and signed.</li>
 *   <li><b>Unauthenticated headers</b>: {@code X-Webhook-ID} and {@code X-Webhook-Event} are
 *       exposed as {@link dev.revhooks.revrag.UnauthenticatedHints}, each only when sent once,
 *       non-empty and at most 8 KiB (otherwise null; they never reject a delivery, since they
 *       carry no trust). {@code X-Webhook-Event} chooses the event type, as the issue asks: a
 *       changed header can only turn an authentic body into an {@code Unknown} event, and an
 *       absent, empty or repeated one gives {@code Unknown} too.</li>
 *   <li><b>Delivery key</b>: {@code revrag:signed-body:<sha256 of body>}, from the signed body
 *       alone, so a replay with a fresh id or a changed event header, or a re-send with a new
 *       {@code t}, is recognised. Neither {@code X-Webhook-ID} nor {@code X-Webhook-Event} is used:
 *       neither is signed.</li>
 *   <li><b>Required fields</b>: {@code call_status}, {@code call_id} and {@code agent_id} (the
 *       document types them without {@code null}, and a result that cannot be tied to its call is
 *       useless); everything else may be null, including {@code summary} ("when a transcript
 *       exists") and {@code duration}.</li>
 *   <li><b>Types</b>: {@code call_id}/{@code agent_id} are UUIDs in their 36-character form only;
 *       {@code start_time}/{@code end_time} are ISO 8601 strings with an offset, normalised to UTC
 *       (a number of epoch seconds, or a time without offset, is a payload error);
 *       {@code duration} is a {@code BigDecimal} (the document says "number": fractions parse);
 *       {@code call_status} and {@code role} are open enums ({@code ENDED}; {@code assistant},
 *       {@code user}); {@code disconnection_reason} and a custom variable's {@code type} are
 *       strings, as the document lists no values for them; {@code recording_url} is a string kept
 *       as sent (a presigned URL is passed on untouched; the document's own example,
 *       {@code https://.../recording.mp3}, is not a URI a strict parser accepts).</li>
 *   <li><b>Custom variable values</b> may be any JSON type: kept as a {@code JsonNode} with typed
 *       accessors ({@code booleanValue()}, {@code numberValue()}, {@code textValue()}), not a
 *       sealed value type, so raw JSON has one type in every module. A JSON {@code null} in
 *       {@code value} or {@code variables_fields} reads as Java {@code null}.</li>
 *   <li><b>Number size</b>: every number in the body, {@code BigDecimal} components and numbers inside
 *       {@code JsonNode}s alike, has at most 100 characters and a {@code BigDecimal} scale of at most
 *       100 either way ({@code core}'s {@code JsonLimits}): {@code 1e100} and {@code 1e-100} are
 *       read, {@code 1e101} or {@code 1e999999999} is a payload error naming the number's place
 *       (for example {@code number at /duration has a scale of -101}), in the fast path and the databind
 *       path alike. Such an exponent would make an application's {@code toPlainString()} or
 *       {@code toBigInteger()} exhaust memory or time.</li>
 *   <li><b>Why {@code duration} stays a {@code BigDecimal}</b> rather than a
 *       {@code java.time.Duration}: the document types it "number" (seconds) without saying it is
 *       whole, and this library keeps a wire number's kind ({@code CONTRIBUTING}: a number that may be
 *       fractional is a {@code BigDecimal}); a {@code Duration} would have to round a fraction finer
 *       than a nanosecond and refuse values beyond its range, so it would change or reject what RevRag
 *       sent. With the scale bound above, {@code duration.toPlainString()}, {@code longValue()} and a
 *       conversion such as {@code Duration.ofNanos(duration.movePointRight(9).longValue())} are
 *       always cheap; range checks are the application's choice.</li>
 * </ul>
 */
package dev.revhooks.revrag;
