package dev.revhooks.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revhooks.core.json.WebhookJson;
import dev.revhooks.core.observe.WebhookObserver;
import dev.revhooks.core.testing.RecordingObserver;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReceiverSettingsTest {

    /** The smallest vendor builder: what a generic caller sees of any vendor. */
    static final class Probe implements WebhookReceiver<String> {
        final ReceiverSettings settings;

        Probe(ReceiverSettings settings) {
            this.settings = settings;
        }

        static final class Builder extends ReceiverBuilder<Probe, Builder> {
            @Override
            protected Probe build(ReceiverSettings settings) {
                return new Probe(settings);
            }
        }

        @Override
        public String vendor() {
            return "probe";
        }

        @Override
        public BodyLimit bodyLimit() {
            return settings.bodyLimit();
        }

        @Override
        public Authentication verify(WebhookRequest request) {
            return Authentication.none();
        }

        @Override
        public String parse(WebhookRequest verifiedRequest) {
            return "";
        }

        @Override
        public VerifiedDelivery<String> receive(WebhookRequest request) {
            throw new UnsupportedOperationException();
        }
    }

    private static final Secret CURRENT = Secret.of("current", "s3cret-value-1");
    private static final Secret PREVIOUS = Secret.of("previous", "s3cret-value-2");

    @Test
    void defaultsAreTheDocumentedOnes() {
        ReceiverSettings defaults = ReceiverSettings.DEFAULTS;
        assertThat(defaults.secrets()).isEmpty();
        assertThat(defaults.clock().getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(defaults.bodyLimit()).isEqualTo(BodyLimit.DEFAULT);
        assertThat(defaults.headerLimit()).isEqualTo(HeaderLimit.DEFAULT);
        assertThat(defaults.headerLimit().maxChars()).isEqualTo(8192).isEqualTo(RequiredHeader.DEFAULT_MAX_LENGTH);
        assertThat(defaults.json()).isSameAs(WebhookJson.shared());
        assertThat(defaults.observer()).isSameAs(WebhookObserver.none());
        assertThat(new Probe.Builder().build().settings).isEqualTo(defaults);
        WebhookReceiver<String> plain = new Probe(defaults);
        assertThat(plain.headerLimit()).isEqualTo(HeaderLimit.DEFAULT);
        assertThat(plain.observer()).isSameAs(WebhookObserver.none());
    }

    @Test
    void everySetterChangesItsSettingOnlyAndAGenericCallerNeedsNoVendor() {
        Clock clock = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
        RecordingObserver observer = new RecordingObserver();
        ReceiverBuilder<Probe, ?> generic = new Probe.Builder();
        Probe built = generic.secrets(List.of(CURRENT, PREVIOUS)).clock(clock).bodyLimit(BodyLimit.ofBytes(10))
                .headerLimit(HeaderLimit.ofChars(20)).json(WebhookJson.shared()).observer(observer).build();
        assertThat(built.settings).isEqualTo(new ReceiverSettings(List.of(CURRENT, PREVIOUS), clock,
                BodyLimit.ofBytes(10), HeaderLimit.ofChars(20), WebhookJson.shared(), observer));
        assertThat(new Probe.Builder().secret(CURRENT).build().settings.secrets()).containsExactly(CURRENT);
        assertThat(new Probe.Builder().settings(built.settings).build().settings).isEqualTo(built.settings);
        assertThat(new Probe.Builder().settings(built.settings).settings()).isSameAs(built.settings);
    }

    @Test
    void validationHappensOnceForEveryVendor() {
        assertThatThrownBy(() -> new Probe.Builder().secrets(List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one secret");
        assertThatThrownBy(() -> new Probe.Builder().secrets(List.of(Secret.of("a", "v1"), Secret.of("a", "v2"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("\"a\"").hasMessageNotContaining("v1");
        assertThatThrownBy(() -> new Probe.Builder().secret(null)).isInstanceOf(NullPointerException.class).hasMessage("secret");
        assertThatThrownBy(() -> new Probe.Builder().clock(null)).isInstanceOf(NullPointerException.class).hasMessage("clock");
        assertThatThrownBy(() -> new Probe.Builder().bodyLimit(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("bodyLimit");
        assertThatThrownBy(() -> new Probe.Builder().headerLimit(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("headerLimit");
        assertThatThrownBy(() -> new Probe.Builder().json(null)).isInstanceOf(NullPointerException.class).hasMessage("json");
        assertThatThrownBy(() -> new Probe.Builder().observer(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("observer");
        assertThatThrownBy(() -> new Probe.Builder().settings(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("settings");
        assertThatThrownBy(() -> ReceiverSettings.DEFAULTS.secrets().add(CURRENT)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(new Probe.Builder().secrets(List.of(Secret.of("v1"), Secret.of("v2"))).settings().secrets()).hasSize(2);
    }

    @Test
    void toStringCountsSecretsAndNeverShowsThem() {
        String text = new Probe.Builder().secrets(List.of(CURRENT, PREVIOUS)).settings().toString();
        assertThat(text).contains("secrets=2", "bodyLimit=8388608", "headerLimit=8192", "WebhookObserver.none()")
                .doesNotContain("s3cret");
    }

    @Test
    void aHeaderLimitIsPositiveAndAppliesToAHeaderDefinition() throws Exception {
        assertThatThrownBy(() -> HeaderLimit.ofChars(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1");
        assertThat(HeaderLimit.ofChars(1).maxChars()).isEqualTo(1);
        RequiredHeader header = HeaderLimit.ofChars(3).applyTo(RequiredHeader.of("X-Sig", FailureReason.MISSING_SIGNATURE));
        assertThat(header.maxLength()).isEqualTo(3);
        assertThat(header.read(WebhookHeaders.builder().add("X-Sig", "abc").build())).isEqualTo("abc");
        assertThatThrownBy(() -> header.read(WebhookHeaders.builder().add("X-Sig", "abcd").build()))
                .isInstanceOfSatisfying(WebhookVerificationException.class,
                        e -> assertThat(e.reason()).isEqualTo(FailureReason.HEADER_TOO_LARGE));
    }
}
