package dev.revhooks.core.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revhooks.core.FailureReason;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookVerificationException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.MessageDigestSpi;
import java.security.Provider;
import java.security.Security;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The HMAC with a provider whose SHA-256 cannot be cloned (it never clones), and timestamps at the very ends of
 * {@link Instant}'s range, which are checked against the window rather than refused as unreadable.
 */
class SignatureEdgesMutationTest {

    private static final byte[] BODY = "{\"event\":\"x\"}".getBytes(StandardCharsets.UTF_8);

    /** A SHA-256 that refuses to be cloned (as some providers' digests do), delegating to the JDK's. */
    public static final class UncloneableSha256 extends MessageDigestSpi {
        private final MessageDigest delegate;

        public UncloneableSha256() throws GeneralSecurityException {
            delegate = MessageDigest.getInstance("SHA-256", "SUN");
        }

        @Override
        protected void engineUpdate(byte input) {
            delegate.update(input);
        }

        @Override
        protected void engineUpdate(byte[] input, int offset, int len) {
            delegate.update(input, offset, len);
        }

        @Override
        protected byte[] engineDigest() {
            return delegate.digest();
        }

        @Override
        protected void engineReset() {
            delegate.reset();
        }
    }

    @Test
    void aSha256ThatCannotBeClonedIsEnough() throws Exception {
        Secret secret = Secret.of("main", "whsec_uncloneable");
        byte[] signature = HmacSha256Test.jdkMac(secret.bytes(), BODY);
        byte[] longKey = new byte[100];
        Arrays.fill(longKey, (byte) 7);
        byte[] longKeySignature = HmacSha256Test.jdkMac(longKey, BODY);
        Provider uncloneable = new Provider("RevhooksUncloneableSha256", "1", "SHA-256 without clone()") {
            private static final long serialVersionUID = 1L;

            {
                put("MessageDigest.SHA-256", UncloneableSha256.class.getName());
            }
        };
        Security.insertProviderAt(uncloneable, 1);
        HmacSha256Verifier verifier;
        try {
            assertThat(MessageDigest.getInstance("SHA-256").getProvider()).isSameAs(uncloneable);
            assertThatThrownBy(() -> MessageDigest.getInstance("SHA-256").clone())
                    .isInstanceOf(CloneNotSupportedException.class);
            verifier = HmacSha256Verifier.of(secret);
            for (int i = 0; i < 3; i++) {
                assertThat(verifier.verify(signature, BODY).credentialId()).isEqualTo("main");
            }
            assertThatThrownBy(() -> verifier.verify(signature, BODY, BODY))
                    .isInstanceOf(WebhookVerificationException.class);
            assertThat(verifier.verify(signature, BODY).credentialId()).isEqualTo("main");
            HmacSha256.Computation computation = HmacSha256.of(longKey).computation();
            byte[] out = new byte[HmacSha256.LENGTH];
            for (int i = 0; i < 2; i++) {
                computation.mac(new byte[][] {BODY}, out);
                assertThat(out).isEqualTo(longKeySignature);
            }
        } finally {
            Security.removeProvider(uncloneable.getName());
        }
        HmacSha256Verifier built = verifier;
        Thread other = new Thread(() -> {
            try {
                assertThat(built.verify(signature, BODY).credentialId()).isEqualTo("main");
            } catch (WebhookVerificationException e) {
                throw new AssertionError(e);
            }
        });
        Throwable[] failure = new Throwable[1];
        other.setUncaughtExceptionHandler((thread, e) -> failure[0] = e);
        other.start();
        other.join();
        assertThat(failure[0]).isNull();
    }

    @Test
    void theEndsOfInstantsRangeAreCheckedAgainstTheWindow() {
        Clock clock = Clock.fixed(Instant.parse("2026-05-27T03:05:00Z"), ZoneOffset.UTC);
        TimestampTolerance tolerance = TimestampTolerance.DEFAULT;
        assertThatThrownBy(() -> tolerance.checkEpochSeconds(Instant.MIN.getEpochSecond(), clock))
                .isInstanceOfSatisfying(WebhookVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(FailureReason.TIMESTAMP_OUT_OF_TOLERANCE))
                .hasMessageContaining("older than 300 s");
        assertThatThrownBy(() -> tolerance.checkEpochSeconds(Instant.MAX.getEpochSecond(), clock))
                .isInstanceOfSatisfying(WebhookVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(FailureReason.TIMESTAMP_OUT_OF_TOLERANCE))
                .hasMessageContaining("more than 300 s in the future");
    }

    @Test
    void aLongEnoughToleranceAcceptsTheEndsOfInstantsRange() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-05-27T03:05:00Z"), ZoneOffset.UTC);
        Duration forever = Duration.ofSeconds(Long.MAX_VALUE);
        TimestampTolerance tolerance = new TimestampTolerance(forever, forever);
        tolerance.checkEpochSeconds(Instant.MIN.getEpochSecond(), clock);
        tolerance.checkEpochSeconds(Instant.MAX.getEpochSecond(), clock);
        assertThatThrownBy(() -> tolerance.checkEpochSeconds(Instant.MAX.getEpochSecond() + 1, clock))
                .hasMessageContaining("timestamp out of range");
        assertThatThrownBy(() -> tolerance.checkEpochSeconds(Instant.MIN.getEpochSecond() - 1, clock))
                .hasMessageContaining("timestamp out of range");
    }
}
