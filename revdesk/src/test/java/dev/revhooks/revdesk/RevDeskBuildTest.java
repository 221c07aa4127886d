package dev.revhooks.revdesk;

import static dev.revhooks.revdesk.Fixtures.SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revhooks.core.HeaderLimit;
import dev.revhooks.core.ReceiverSettings;
import org.junit.jupiter.api.Test;

class RevDeskBuildTest {

    @Test
    void buildingWithoutAnyWayToAuthenticateNamesEveryWayOut() {
        assertThatThrownBy(() -> RevDeskWebhooks.builder().subscribedTo(RevDeskEventType.NUMBER_PURCHASED).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("secret(...)")
                .hasMessageContaining("secrets(...)")
                .hasMessageContaining("acceptUnauthenticatedUnsignedEvents()")
                .hasMessageContaining("acceptUnauthenticatedNoSecretProvided()");
        assertThat(RevDeskWebhooks.builder().acceptUnauthenticatedNoSecretProvided().build()).isNotNull();
        assertThat(RevDeskWebhooks.builder().acceptUnauthenticatedUnsignedEvents().build()).isNotNull();
    }

    @Test
    void theSharedSettingsComeThroughOneEntry() {
        ReceiverSettings shared = RevDeskWebhooks.builder().secret(SECRET).headerLimit(HeaderLimit.ofChars(100)).settings();
        RevDeskWebhooks receiver = RevDeskWebhooks.builder().settings(shared).build();
        assertThat(receiver.headerLimit()).isEqualTo(HeaderLimit.ofChars(100));
        assertThat(receiver.vendor()).isEqualTo("revdesk");
        assertThat(receiver.toString()).doesNotContain(Fixtures.SECRET_VALUE);
    }
}
