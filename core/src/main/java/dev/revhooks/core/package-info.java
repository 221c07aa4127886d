/**
 * The vendor-neutral request path: {@link dev.revhooks.core.WebhookRequest} in,
 * {@link dev.revhooks.core.VerifiedDelivery} out, through a vendor's
 * {@link dev.revhooks.core.WebhookReceiver}.
 *
 * <pre>{@code
 * WebhookReceiver<RevontEvent> receiver = RevontWebhooks.builder().secret(secret).build();
 * try {
 *     VerifiedDelivery<RevontEvent> delivery = receiver.receive(WebhookRequest.of(body, headers));
 * } catch (WebhookVerificationException e) {
 *     status = e.reason().httpStatus();
 * } catch (WebhookPayloadException e) {
 *     keep(e.rawBody());
 * }
 * }</pre>
 *
 * <p>Decisions taken here, for every vendor:
 * <ul>
 *   <li>A header that verification reads must appear once: a duplicate is
 *       {@link dev.revhooks.core.FailureReason#MALFORMED_SIGNATURE}, since two signatures or
 *       timestamps make a request ambiguous. Values are limited to 8 KiB by default
 *       ({@link dev.revhooks.core.HeaderLimit}) and trimmed of spaces and tabs only (HTTP's optional
 *       white space, {@link dev.revhooks.core.HttpWhiteSpace}); any other white space, control or
 *       format character in them is {@link dev.revhooks.core.FailureReason#MALFORMED_SIGNATURE}.</li>
 *   <li>Bodies are limited to 8 MiB by default, checked before hashing.</li>
 *   <li>Enumerations are open ({@link dev.revhooks.core.OpenEnum}); a value outside a document's
 *       list never rejects an authentic delivery.</li>
 * </ul>
 */
package dev.revhooks.core;
