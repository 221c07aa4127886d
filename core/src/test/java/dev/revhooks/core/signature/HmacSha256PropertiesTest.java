package dev.revhooks.core.signature;

import static dev.revhooks.core.testing.ByteGen.bytes;
import static dev.revhooks.core.testing.ByteGen.flipBit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.revhooks.core.FailureReason;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookVerificationException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.codec.binary.Hex;
import org.junit.jupiter.api.Test;

/** Properties of the HMAC verifier with a timestamped message ({@code "{t}.{body}"}), the most general construction. */
class HmacSha256PropertiesTest {

    private static final byte[] DOT = {'.'};

    @Test
    void signThenVerifyAlwaysAccepts() {
        qt().forAll(bytes(1, 64), bytes(0, 2048), longs().between(0, 9_999_999_999L)).checkAssert((key, body, t) -> {
            Secret secret = Secret.ofBytes("k", key);
            byte[] ts = Long.toString(t).getBytes(StandardCharsets.US_ASCII);
            byte[] sig = HmacSha256Signer.sign(secret, ts, DOT, body);
            try {
                assertThat(HmacSha256Verifier.of(secret).verify(sig, ts, DOT, body).credentialId()).isEqualTo("k");
            } catch (WebhookVerificationException e) {
                throw new AssertionError(e);
            }
        });
    }

    @Test
    void flippingAnyBitOfBodyTimestampOrSignatureRejects() {
        Secret secret = Secret.of("whsec_property");
        HmacSha256Verifier verifier = HmacSha256Verifier.of(secret);
        qt().forAll(bytes(1, 512), longs().between(0, 9_999_999_999L), integers().allPositive(), integers().between(0, 2))
                .checkAssert((body, t, bit, target) -> {
                    byte[] ts = Long.toString(t).getBytes(StandardCharsets.US_ASCII);
                    byte[] sig = HmacSha256Signer.sign(secret, ts, DOT, body);
                    byte[] tamperedBody = target == 0 ? flipBit(body, bit) : body;
                    byte[] tamperedTs = target == 1 ? flipBit(ts, bit) : ts;
                    // the signature goes through its hex form, as it would in a header
                    String hex = Hex.encodeHexString(target == 2 ? flipBit(sig, bit) : sig);
                    assertThatThrownBy(() -> verifier.verify(HexSignature.decode(hex), tamperedTs, DOT, tamperedBody))
                            .isInstanceOfSatisfying(WebhookVerificationException.class,
                                    e -> assertThat(e.reason()).isEqualTo(FailureReason.SIGNATURE_MISMATCH));
                });
    }

    @Test
    void severalSecretsAcceptIffOneMatchesAndReportTheRightOne() {
        qt().forAll(integers().between(1, 5), integers().between(-1, 4), bytes(0, 256)).checkAssert((count, signer, body) -> {
            List<Secret> secrets = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                secrets.add(Secret.of("id" + i, "secret-value-" + i));
            }
            HmacSha256Verifier verifier = HmacSha256Verifier.of(secrets);
            Secret used = signer >= 0 && signer < count ? secrets.get(signer) : Secret.of("not-configured");
            byte[] sig = HmacSha256Signer.sign(used, body);
            if (signer >= 0 && signer < count) {
                try {
                    assertThat(verifier.verify(sig, body).credentialId()).isEqualTo("id" + signer);
                } catch (WebhookVerificationException e) {
                    throw new AssertionError(e);
                }
            } else {
                assertThatThrownBy(() -> verifier.verify(sig, body)).isInstanceOf(WebhookVerificationException.class);
            }
        });
    }

    @Test
    void arbitraryHeaderTextNeverThrowsAnythingButTheLibrarysException() {
        qt().forAll(dev.revhooks.core.testing.ByteGen.text(80)).checkAssert(text -> {
            try {
                byte[] decoded = HexSignature.decode(text);
                assertThat(decoded).hasSize(32);
            } catch (WebhookVerificationException e) {
                assertThat(e.reason()).isEqualTo(FailureReason.MALFORMED_SIGNATURE);
            }
        });
    }
}
