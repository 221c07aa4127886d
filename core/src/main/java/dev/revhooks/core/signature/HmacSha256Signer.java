package dev.revhooks.core.signature;

import dev.revhooks.core.Secret;
import org.apache.commons.codec.binary.Hex;

/**
 * Computes HMAC-SHA256 signatures, for tests and for tools that produce deliveries. Vendor modules
 * wrap it in a signer that builds a whole request in the vendor's format.
 *
 * <pre>{@code
 * String hex = HmacSha256Signer.hex(Secret.of("It's a Secret to Everybody"),
 *         "Hello, World!".getBytes(StandardCharsets.UTF_8));
 * // 757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17
 * }</pre>
 */
public final class HmacSha256Signer {

    private HmacSha256Signer() {
    }

    /**
     * The MAC of the concatenation of {@code parts}, computed without concatenating them.
     *
     * @param secret the key
     * @param parts the message, in order
     * @return the 32-byte MAC
     */
    public static byte[] sign(Secret secret, byte[]... parts) {
        return HmacSha256.of(secret.bytes()).mac(parts);
    }

    /**
     * The lowercase hex MAC of the concatenation of {@code parts}.
     *
     * @param secret the key
     * @param parts the message, in order
     * @return 64 lowercase hex digits
     */
    public static String hex(Secret secret, byte[]... parts) {
        return Hex.encodeHexString(sign(secret, parts));
    }
}
