package dev.revhooks.revdesk.api;

import static dev.revhooks.revdesk.api.ApiFixtures.API_KEY;
import static dev.revhooks.revdesk.api.ApiFixtures.API_KEY_VALUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;

/**
 * The builder's RevDesk side: the documented base URI and the required key. Each setting's rules are
 * core's ({@code ApiClientBuilderTest}, {@code ApiTransportTest}).
 */
class RevDeskApiSettingsTest {

    @Test
    void defaultsToTheDocumentedBaseUriAndTimeoutsAndNeverShowsTheKey() {
        RevDeskApi api = RevDeskApi.builder().apiKey(API_KEY).build();

        assertThat(api).hasToString("RevDeskApi[baseUri=https://api.revdesk.com/api/v1, connectTimeout=PT10S, requestTimeout=PT30S]");
        assertThat(api.toString()).doesNotContain(API_KEY_VALUE);
    }

    @Test
    void requiresAnApiKey() {
        assertThatIllegalStateException().isThrownBy(() -> RevDeskApi.builder().build())
                .withMessage("an API key is required: call apiKey(...)");
    }
}
