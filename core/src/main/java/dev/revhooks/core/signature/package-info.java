/**
 * HMAC-SHA256 signatures: the verifier (multi-part messages, several secrets, constant-time
 * comparison), hex decoding, timestamp tolerance and a signer for tests.
 *
 * <pre>{@code
 * HmacSha256Verifier verifier = HmacSha256Verifier.of(List.of(current, previous));
 * Authentication auth = verifier.verify(HexSignature.decode(hex), body);
 * }</pre>
 *
 * <p>Hex signatures are accepted in either case: the case carries no information.
 */
package dev.revhooks.core.signature;
