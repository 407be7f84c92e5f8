package jp.mynahealth.portal.insurance;

import java.time.Instant;

/**
 * A cancelled registration and the 資格確認書 request it led to: {@code insurerNumber} is null when
 * the person had no current qualification, so no insurer was asked.
 */
record Cancellation(Instant cancelledAt, String insurerNumber) {

    public boolean certificateRequested() {
        return insurerNumber != null;
    }
}
