package dev.revhooks.revrag;

import dev.revhooks.core.RequiredHeader;
import dev.revhooks.core.WebhookHeaders;
import dev.revhooks.core.WebhookVerificationException;
import dev.revhooks.core.signature.HexSignature;
import java.util.ArrayList;
import java.util.List;

/**
 * The signature header as the receiver reads it ({@link SignatureHeader#check}, then each
 * {@link SignatureHeader#nextV1} candidate), held as values the tests can compare with a model.
 *
 * @param t          {@code t}'s digits
 * @param signatures the decoded {@code v1} candidates, in the order sent
 */
record ReadSignatureHeader(String t, List<byte[]> signatures) {

    private static final int HEX_DIGITS = 64;

    static ReadSignatureHeader read(WebhookHeaders headers, RequiredHeader signatureHeader, RequiredHeader timestampHeader)
            throws WebhookVerificationException {
        String value = signatureHeader.read(headers);
        long t = SignatureHeader.check(value, headers, timestampHeader);
        List<byte[]> signatures = new ArrayList<>(2);
        for (int at = SignatureHeader.nextV1(value, 0); at != -1; at = SignatureHeader.nextV1(value, at + HEX_DIGITS)) {
            signatures.add(HexSignature.decode(value, at, at + HEX_DIGITS));
        }
        return new ReadSignatureHeader(value.substring(SignatureHeader.timestampFrom(t), SignatureHeader.timestampTo(t)), signatures);
    }

    byte[][] signedMessage(byte[] body) {
        return SignatureHeader.signedMessage(t, body);
    }

    long epochSeconds() throws WebhookVerificationException {
        return SignatureHeader.epochSeconds(t, 0, t.length());
    }
}
