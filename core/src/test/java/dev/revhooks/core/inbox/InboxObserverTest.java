package dev.revhooks.core.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class InboxObserverTest {

    @Test
    void theNoOpObserverIsOneSharedInstanceThatAcceptsEveryOutcome() {
        InboxObserver none = InboxObserver.none();
        assertThat(none).isNotNull().isSameAs(InboxObserver.none());
        for (InboxObserver.Outcome outcome : InboxObserver.Outcome.values()) {
            assertThatCode(() -> none.handled("revont", outcome)).doesNotThrowAnyException();
        }
    }
}
