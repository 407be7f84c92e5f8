package jp.mynahealth.common.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ReplicaStateTest {

    private static final Duration MAX_LAG = Duration.ofSeconds(10);

    @Test
    void aReplicaThatDoesNotAnswerIsNotRead() {
        assertThat(ReplicaState.DOWN.usable(MAX_LAG)).isFalse();
    }

    @Test
    void aReplicaWithinTheLagIsRead() {
        assertThat(new ReplicaState(true, true, false, Duration.ofSeconds(3)).usable(MAX_LAG)).isTrue();
    }

    @Test
    void aReplicaFurtherBehindIsNotRead() {
        assertThat(new ReplicaState(true, true, false, Duration.ofSeconds(11)).usable(MAX_LAG)).isFalse();
        assertThat(new ReplicaState(true, true, false, null).usable(MAX_LAG)).as("never replayed anything").isFalse();
    }

    @Test
    void aReplicaWithNothingLeftToReplayIsNotBehindHoweverLongThePrimaryWasQuiet() {
        assertThat(new ReplicaState(true, true, true, Duration.ofHours(5)).usable(MAX_LAG)).isTrue();
    }
}
