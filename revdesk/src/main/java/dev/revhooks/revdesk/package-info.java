/**
 * RevDesk webhooks: signed number-lifecycle envelopes, unsigned flat call-disposition and SMS
 * events, and all 16 subscribable event types.
 *
 * <pre>{@code
 * RevDeskWebhooks receiver = RevDeskWebhooks.builder()
 *         .secret(Secret.of(System.getenv("REVDESK_SIGNING_SECRET")))
 *         .build();
 * VerifiedDelivery<RevDeskEvent> delivery =
 *         receiver.receive(RevDeskEventType.NUMBER_RELEASED, WebhookRequest.of(rawBody, headers));
 * }</pre>
 *
 * <h2>The vendor's rules</h2>
 * <ul>
 *   <li>A subscription is created per event type; RevDesk POSTs each event as JSON to its URL.</li>
 *   <li>{@code number_purchased} and {@code number_released} are enveloped
 *       ({@code triggerEvent}, {@code createdAt}, {@code payload}; {@code triggerEvent} is
 *       {@code number.purchased} or {@code number.released}) and signed: {@code X-revdesk-Signature-256}
 *       is the lowercase hex HMAC-SHA256 of the raw body, keyed with the subscription's signing secret,
 *       no prefix. Without a signing secret the header is the literal {@code no-secret-provided}.</li>
 *   <li>Call-disposition ({@code call_no_answer}, {@code call_voicemail}, {@code call_busy},
 *       {@code call_failed}) and outbound SMS ({@code sms_sent}, {@code sms_delivered},
 *       {@code sms_failed}) events are flat (the body is the object) and carry no signature header;
 *       the document suggests a secret path or an IP allowlist.</li>
 *   <li>{@code call_completed} fires on every call end; a disposition event fires in addition, so
 *       the same call arrives under two types.</li>
 * </ul>
 *
 * <h2>Decisions where the document is silent</h2>
 * <ul>
 *   <li><b>Which event arrived.</b> Flat bodies name no event, so the receiver is told the
 *       subscribed type (builder or per call): one URL per subscribed event type. A type passed to a
 *       call takes precedence over the builder's, so one receiver can serve several URLs.</li>
 *   <li><b>Shape.</b> A body with both {@code triggerEvent} and {@code payload} is an envelope;
 *       number-lifecycle types are always read as envelopes (anything else is a payload error). Other
 *       bodies are flat.</li>
 *   <li><b>triggerEvent.</b> {@code number.purchased} and {@code number.released} map to their
 *       types; a mapped name other than the subscribed type is {@code EVENT_TYPE_MISMATCH} (checked
 *       after authentication), on any subscribed type, so an envelope cannot be slipped in through
 *       another URL. Any other name becomes {@link dev.revhooks.revdesk.RevDeskEvent.Unknown} with
 *       the whole body: RevDesk's internal names for other types are not documented, and an authentic
 *       delivery is never dropped.</li>
 *   <li><b>A present signature header must verify, on every type</b>, even types documented as
 *       unsigned: a header is never ignored, and a type RevDesk starts signing is verified.</li>
 *   <li><b>No header.</b> On a number-lifecycle type: {@code MISSING_SIGNATURE}, always, since RevDesk
 *       always sends the header there and accepting its absence would let a forger downgrade a signed
 *       type. On any other type (including the seven whose delivery the document does not show):
 *       {@code UNSIGNED_DELIVERY_NOT_ALLOWED} unless {@code acceptUnauthenticatedUnsignedEvents()}.</li>
 *   <li><b>Header white space</b>: spaces and tabs around {@code X-revdesk-Signature-256} are
 *       removed (HTTP's optional white space) and nothing else; any other white space, control or
 *       format character anywhere in the value (U+3000, U+00A0, U+200B, ...) is
 *       {@code MALFORMED_SIGNATURE}.</li>
 *   <li><b>{@code no-secret-provided}</b> (exact, case-sensitive, after trimming spaces and tabs) is
 *       {@code NO_SECRET_CONFIGURED_AT_SENDER} on any type unless
 *       {@code acceptUnauthenticatedNoSecretProvided()}: the marker, not the type, says nothing can
 *       be verified, and the reason tells the operator what to fix.</li>
 *   <li><b>Unauthenticated acceptance</b> reports {@code Authentication.none()}, or
 *       {@code Authentication.requestGuards()} when guards are configured. Guards, when configured,
 *       run on every request, signed or not (defence in depth for the URL they protect).</li>
 *   <li><b>Signature format.</b> Exactly 64 hex digits; uppercase is accepted too (core's rule: the
 *       case carries no information). A {@code sha256=} prefix, other lengths or non-hex are
 *       {@code MALFORMED_SIGNATURE}; the header sent twice is {@code MALFORMED_SIGNATURE}. The key is
 *       the UTF-8 bytes of the secret as given, nothing stripped or decoded. A signed delivery at a
 *       receiver with no secret is {@code SIGNATURE_MISMATCH}.</li>
 *   <li><b>No replay window.</b> The document signs no timestamp and states no freshness rule;
 *       {@code createdAt} is inside the signed body but not checked, so the builder has no
 *       {@code clock} or {@code tolerance}. De-duplicate with the delivery key.</li>
 *   <li><b>Delivery key</b>: {@code revdesk:<subscribed type>:<sha256 of the body>}, so the same call
 *       under {@code call_completed} and a disposition type gets two keys. For unsigned deliveries
 *       the sender chooses the body, and so the key.</li>
 *   <li><b>Payload types.</b> The document marks no payload field required: all are nullable, except
 *       the envelope's {@code triggerEvent} and {@code payload}, which define an envelope.
 *       Ids are strings ({@code "msg_uuid"} is no UUID literal), except the number-lifecycle
 *       {@code id}, a JSON integer ({@code Long}). {@code area_code} is a string as shown.
 *       {@code disconnection_reason} is shown only as {@code null}, so it is raw JSON. Enumerations
 *       ({@code direction}, the three {@code status} fields, {@code failure_code},
 *       {@code failure_category}, {@code channel}) list only the value the document shows; any other
 *       value is {@code UNKNOWN} with the string kept.</li>
 *   <li><b>Bodies the document does not show</b> ({@code new_call}, {@code call_completed},
 *       {@code contact_replied}, {@code contact_created}, {@code new_appointment},
 *       {@code workflow_contact_completed}) are typed events holding the raw JSON object.
 *       {@code texting_registration_status_changed} also types {@code texting_enabled_numbers} as a
 *       list of strings (phone numbers), read from the top level of the body, empty when absent or
 *       {@code null}; an element that is not a string is a payload error. {@code contact_replied} is
 *       an inbound SMS, but the document's SMS example covers only outbound SMS.</li>
 *   <li><b>{@code parse()} alone</b> can only throw {@code WebhookPayloadException} (core's
 *       interface), so there an {@code EVENT_TYPE_MISMATCH} is a payload exception whose cause is the
 *       verification exception; {@code receive()} throws the verification exception itself.</li>
 *   <li><b>Number size</b>: every number in the body, {@code BigDecimal} components and numbers inside
 *       {@code JsonNode}s alike, has at most 100 characters and a {@code BigDecimal} scale of at most
 *       100 either way ({@code core}'s {@code JsonLimits}): {@code 1e100} and {@code 1e-100} are
 *       read, {@code 1e101} or {@code 1e999999999} is a payload error naming the number's place
 *       (for example {@code number at /disconnection_reason/code has a scale of -101}), in the fast path and the databind
 *       path alike. Such an exponent would make an application's {@code toPlainString()} or
 *       {@code toBigInteger()} exhaust memory or time.</li>
 * </ul>
 */
package dev.revhooks.revdesk;
