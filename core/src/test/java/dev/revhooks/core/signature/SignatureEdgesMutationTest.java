package dev.revhooks.core.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revhooks.core.FailureReason;
import dev.revhooks.core.Secret;
import dev.revhooks.core.WebhookVerificationException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.Provider;
import java.security.Security;
import java.security.spec.AlgorithmParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.crypto.Mac;
import javax.crypto.MacSpi;
import org.junit.jupiter.api.Test;

/**
 * The verifier's fallback for MACs that cannot be cloned, and timestamps at the very ends of
 * {@link Instant}'s range, which are checked against the window rather than refused as unreadable.
 */
class SignatureEdgesMutationTest {

    private static final byte[] BODY = "{\"event\":\"x\"}".getBytes(StandardCharsets.UTF_8);

    /** An HMAC-SHA256 that refuses to be cloned (as some providers' MACs do), delegating to the JDK's. */
    public static final class UncloneableHmacSha256 extends MacSpi {
        private final Mac delegate;

        public UncloneableHmacSha256() throws GeneralSecurityException {
            delegate = Mac.getInstance("HmacSHA256", "SunJCE");
        }

        @Override
        protected int engineGetMacLength() {
            return delegate.getMacLength();
        }

        @Override
        protected void engineInit(Key key, AlgorithmParameterSpec params)
                throws InvalidKeyException, InvalidAlgorithmParameterException {
            delegate.init(key, params);
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
        protected void engineUpdate(ByteBuffer input) {
            delegate.update(input);
        }

        @Override
        protected byte[] engineDoFinal() {
            return delegate.doFinal();
        }

        @Override
        protected void engineReset() {
            delegate.reset();
        }
    }

    @Test
    void aMacThatCannotBeClonedIsInitialisedAgainForEachThread() throws Exception {
        Secret secret = Secret.of("main", "whsec_uncloneable");
        byte[] signature = HmacSha256Signer.sign(secret, BODY);
        Provider uncloneable = new Provider("RevhooksUncloneableHmac", "1", "HmacSHA256 without clone()") {
            private static final long serialVersionUID = 1L;

            {
                put("Mac.HmacSHA256", UncloneableHmacSha256.class.getName());
            }
        };
        Security.insertProviderAt(uncloneable, 1);
        HmacSha256Verifier verifier;
        try {
            assertThat(Mac.getInstance("HmacSHA256").getProvider()).isSameAs(uncloneable);
            assertThatThrownBy(() -> Mac.getInstance("HmacSHA256").clone()).isInstanceOf(CloneNotSupportedException.class);
            verifier = HmacSha256Verifier.of(secret);
            assertThat(verifier.verify(signature, BODY).credentialId()).isEqualTo("main");
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
