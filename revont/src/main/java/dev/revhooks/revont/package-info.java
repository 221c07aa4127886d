/**
 * Revont webhooks: signature verification and typed events.
 *
 * <pre>{@code
 * RevontWebhooks revont = RevontWebhooks.builder()
 *         .secret(Secret.of(System.getenv("REVONT_WEBHOOK_SECRET")))
 *         .build();
 * VerifiedDelivery<RevontEvent> delivery = revont.receive(WebhookRequest.of(rawBody, headers));
 * }</pre>
 *
 * <h2>Revont's rules, in brief</h2>
 * <ul>
 *   <li>Every delivery is an HTTP POST carrying {@code X-Revont-Signature: sha256=<hex>}, the
 *       HMAC-SHA256 of the raw body. The key is the endpoint's signing secret as shown once at
 *       creation ({@code whsec_…}); the guide's reference code keys the HMAC with
 *       {@code secret.encode()}, so the key is the secret's UTF-8 bytes, prefix included, never
 *       base64-decoded or stripped.</li>
 *   <li>The body is the envelope {@code {"event", "timestamp", "data"}}: the event name, an ISO 8601
 *       UTC timestamp of when the event occurred, and an object that depends on the event.</li>
 *   <li>Five events: {@code call.started}, {@code call.ended}, {@code summary.ready},
 *       {@code action_item.created}, {@code action_item.completed}. Only {@code summary.ready} has a
 *       documented {@code data}: {@code call_id}, {@code rep_id}, {@code prospect_email},
 *       {@code duration_seconds} (integer), {@code summary_url}, {@code coaching_score} (integer,
 *       0&ndash;100).</li>
 *   <li>A non-2xx answer or no answer within 10 seconds is retried after 30 s, 5 min and 30 min;
 *       failed deliveries can be re-sent by hand from Revont's delivery logs.</li>
 * </ul>
 *
 * <h2>Decisions where the guide is silent</h2>
 * <ul>
 *   <li><b>Prefix</b>: {@code sha256=} must match exactly, lowercase; anything else is
 *       {@code MALFORMED_SIGNATURE}. The reference code compares the whole header value, and only
 *       one algorithm exists, so another label means a sender we do not know.</li>
 *   <li><b>Hex case</b>: the 64 digits are accepted in either case and compared as decoded bytes
 *       (the case carries no information; the same rule in every module). The signer writes
 *       lowercase, as Python's {@code hexdigest()} does.</li>
 *   <li><b>One header, one signature</b>: a second {@code X-Revont-Signature} header, an empty value
 *       or a list of signatures is {@code MALFORMED_SIGNATURE}; spaces and tabs around the value are
 *       removed (HTTP's optional white space) and nothing else: any other white space, control or
 *       format character anywhere in the value (U+3000, U+00A0, U+200B, ...) is
 *       {@code MALFORMED_SIGNATURE}.</li>
 *   <li><b>Secret format</b>: not checked; the {@code whsec_} prefix is shown by the API document
 *       but not promised, and any other value simply fails to match. Several secrets may be
 *       configured: one receiver may serve several endpoints, each with its own secret, and Revont
 *       replaces a secret only by replacing the endpoint.</li>
 *   <li><b>Replay</b>: Revont signs no send time, so a captured delivery verifies for ever. An
 *       opt-in maximum event age ({@code tolerance(TimestampTolerance)}) checks the signed envelope
 *       {@code timestamp}; it is off by default because retries arrive up to about 36 minutes and
 *       manual re-sends any time after the event, with the original timestamp. It runs in
 *       {@code receive} after the signature and the envelope, before {@code data} is read; the edges
 *       are inclusive; a timestamp further ahead of the clock than {@code future()} is refused too.
 *       {@code verify} and {@code parse} alone do not apply it.</li>
 *   <li><b>Envelope</b>: {@code event}, {@code timestamp} and {@code data} are required (the guide
 *       says all requests share this structure); {@code data} must be an object. Missing or
 *       mistyped, the delivery is a payload error carrying the raw body.</li>
 *   <li><b>Timestamp</b>: an ISO 8601 date-time string with an offset ({@code Z} or
 *       {@code ±hh:mm}, as RFC 3339 writes it); offsets other than {@code Z} are accepted and
 *       normalised to UTC. Epoch numbers and numeric strings are payload errors
 *       (the guide documents a string; the shared JSON set-up would read them as epoch seconds).</li>
 *   <li><b>{@code summary.ready} fields</b>: the guide marks none required, so all are nullable;
 *       {@code coaching_score} is an {@code Integer} kept as sent outside 0&ndash;100 (beyond the
 *       {@code int} range it is a payload error); {@code duration_seconds} is a {@code Long};
 *       {@code summary_url} and {@code prospect_email} stay strings, never rejected for syntax.</li>
 *   <li><b>Other events</b>: only {@code call_id} is typed, nullable (documented for
 *       {@code summary.ready} only; a non-string is a payload error); the rest of {@code data} is
 *       kept raw and no field is invented.</li>
 *   <li><b>Unknown events</b>: an event name not in the guide's list (matched exactly, case
 *       included) becomes {@link dev.revhooks.revont.RevontEvent.Unknown}, with its name, timestamp
 *       and raw {@code data}. Unknown fields are ignored everywhere.</li>
 *   <li><b>Delivery key</b>: {@code core}'s default, {@code revont:<event>:<sha256 of the body>}: a
 *       retry re-sends the same body.</li>
 *   <li><b>No unsigned mode, no request guards</b>: the guide says every request is signed.</li>
 *   <li><b>Number size</b>: every number in the body, {@code BigDecimal} components and numbers inside
 *       {@code JsonNode}s alike, has at most 100 characters and a {@code BigDecimal} scale of at most
 *       100 either way ({@code core}'s {@code JsonLimits}): {@code 1e100} and {@code 1e-100} are
 *       read, {@code 1e101} or {@code 1e999999999} is a payload error naming the number's place
 *       (for example {@code number at /data/coaching_score has a scale of -101}), in the fast path and the databind
 *       path alike. Such an exponent would make an application's {@code toPlainString()} or
 *       {@code toBigInteger()} exhaust memory or time.</li>
 * </ul>
 */
package dev.revhooks.revont;
