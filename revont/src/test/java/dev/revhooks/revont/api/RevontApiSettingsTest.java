package dev.revhooks.revont.api;

import static dev.revhooks.revont.api.ApiFixtures.API_KEY;
import static dev.revhooks.revont.api.ApiFixtures.API_KEY_VALUE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;

/**
 * The builder's Revont side: the documented base URI and the required key. Each setting's rules are
 * core's ({@code ApiClientBuilderTest}, {@code ApiTransportTest}).
 */
class RevontApiSettingsTest {

    @Test
    void defaultsToTheDocumentedBaseUriAndTimeoutsAndNeverShowsTheKey() {
        RevontApi api = RevontApi.builder().apiKey(API_KEY).build();

        assertThat(api).hasToString("RevontApi[baseUri=https://api.revont.ai/v1, connectTimeout=PT10S, requestTimeout=PT30S]");
        assertThat(api.toString()).doesNotContain(API_KEY_VALUE);
    }

    @Test
    void requiresAnApiKey() {
        assertThatIllegalStateException().isThrownBy(() -> RevontApi.builder().build())
                .withMessage("an API key is required: call apiKey(...)");
    }
}
