package dev.revhooks.core.signature;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Creation of initialised HMAC-SHA256 instances; the JDK does the hashing. */
final class HmacSha256 {

    static final String ALGORITHM = "HmacSHA256";
    static final int LENGTH = 32;

    private HmacSha256() {
    }

    static Mac initialised(byte[] key) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    static Mac copyOf(Mac prototype) {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException e) {
            // Some providers cannot clone; initialise a fresh instance from the same key instead.
            return null;
        }
    }
}
