package jp.mynahealth.common.database;

import java.time.Duration;

/**
 * What a look at the replica found, and whether reads may go there: it answered, and it is no
 * further behind than allowed. A replica with nothing left to replay is not behind, however long
 * ago the primary last wrote.
 */
record ReplicaState(boolean reachable, boolean inRecovery, boolean caughtUp, Duration sinceLastReplay) {

    static final ReplicaState DOWN = new ReplicaState(false, false, false, null);

    boolean usable(Duration maxLag) {
        if (!reachable) {
            return false;
        }
        if (!inRecovery || caughtUp) {
            return true;
        }
        return sinceLastReplay != null && sinceLastReplay.compareTo(maxLag) <= 0;
    }
}
