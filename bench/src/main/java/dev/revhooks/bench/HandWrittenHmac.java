package dev.revhooks.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The hand-written limit: one {@link Mac} per thread initialised once, the message fed in parts
 * (no concatenation), {@code MessageDigest.isEqual} on the decoded signature bytes.
 */
final class HandWrittenHmac {

    private final ThreadLocal<Mac> mac;

    HandWrittenHmac(String secret) {
        byte[] key = secret.getBytes(StandardCharsets.UTF_8);
        this.mac = ThreadLocal.withInitial(() -> {
            try {
                Mac m = Mac.getInstance("HmacSHA256");
                m.init(new SecretKeySpec(key, "HmacSHA256"));
                return m;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    boolean verifyHex(String hex, byte[]... parts) {
        byte[] expected;
        try {
            expected = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(parts), expected);
    }

    /** The MAC of the parts with the thread's initialised {@link Mac}: the floor of any verifier. */
    byte[] mac(byte[]... parts) {
        Mac m = mac.get();
        for (byte[] part : parts) {
            m.update(part);
        }
        return m.doFinal();
    }
}
