package dev.revhooks.core.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revhooks.core.replay.ReplayGuard.Claim;
import dev.revhooks.core.replay.ReplayGuard.ClaimResult;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClaimTokenTest {

    @Test
    void randomTokensAre22CharactersOfBase64UrlAndDistinct() {
        Set<ClaimToken> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            ClaimToken token = ClaimToken.random();
            assertThat(token.value()).matches("[A-Za-z0-9_-]{22}");
            assertThat(seen.add(token)).isTrue();
        }
    }

    @Test
    void equalByValueAndNeverShown() {
        ClaimToken token = ClaimToken.random();
        ClaimToken same = ClaimToken.of(token.value());
        assertThat(same).isEqualTo(token).hasSameHashCodeAs(token);
        assertThat(token.hashCode()).as("spreads like its value").isEqualTo(token.value().hashCode());
        assertThat(same.equals(ClaimToken.of(token.value().substring(1) + "A"))).isFalse();
        assertThat(token.equals(token.value())).isFalse();
        assertThat(token.toString()).doesNotContain(token.value()).isEqualTo("ClaimToken[redacted]");
    }

    @Test
    void refusesAnythingButItsShape() {
        for (String bad : new String[] {null, "", "short", "a".repeat(15), "a".repeat(65), "a".repeat(20) + " ", "a".repeat(20) + "+"}) {
            assertThatThrownBy(() -> ClaimToken.of(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("claim token must be 16 to 64 characters of [A-Za-z0-9_-]");
        }
        assertThat(ClaimToken.of("a".repeat(16)).value()).hasSize(16);
        assertThat(ClaimToken.of("a".repeat(64)).value()).hasSize(64);
    }

    @Test
    void aTokenComesWithNewAndOnlyWithNew() {
        ClaimToken token = ClaimToken.random();
        assertThat(ClaimResult.claimed(token).isNew()).isTrue();
        assertThat(ClaimResult.claimed(token).token()).isSameAs(token);
        assertThat(ClaimResult.notClaimed(Claim.ALREADY_PROCESSED)).isEqualTo(new ClaimResult(Claim.ALREADY_PROCESSED, null));
        assertThat(ClaimResult.notClaimed(Claim.IN_PROGRESS)).isEqualTo(new ClaimResult(Claim.IN_PROGRESS, null));
        assertThat(ClaimResult.notClaimed(Claim.IN_PROGRESS).isNew()).isFalse();
        assertThat(ClaimResult.notClaimed(Claim.ALREADY_PROCESSED).isNew()).isFalse();
        assertThatThrownBy(() -> ClaimResult.notClaimed(Claim.NEW)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a claim token comes with NEW and only with NEW");
        assertThatThrownBy(() -> ClaimResult.notClaimed(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ClaimResult(Claim.NEW, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a claim token comes with NEW and only with NEW");
        assertThatThrownBy(() -> new ClaimResult(Claim.IN_PROGRESS, token)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a claim token comes with NEW and only with NEW");
        assertThatThrownBy(() -> new ClaimResult(null, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("claim is required");
        assertThatThrownBy(() -> ClaimResult.claimed(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theStoreFailureKeepsItsMessageAndCause() {
        IllegalStateException cause = new IllegalStateException("driver");
        ReplayStoreUnavailableException e = new ReplayStoreUnavailableException("PostgreSQL replay guard: claim failed", cause);
        assertThat(e).hasMessage("PostgreSQL replay guard: claim failed").hasCause(cause).isInstanceOf(RuntimeException.class);
    }
}
