package jp.mynahealth.importer.eprescriptions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import jp.mynahealth.common.ClockConfiguration;

/**
 * One line of the e-prescription feed (src/docs/e-prescriptions.md), checked: a drug prescribed or
 * dispensed, or the cancellation of an earlier event. The drug fields are null on a cancellation,
 * {@code cancels} on the others.
 *
 * @param recordNumber the line in the file, from 1
 */
public record EPrescriptionEvent(long recordNumber, String eventId, Kind kind, OffsetDateTime occurredAt,
        String insurerNumber, String symbol, String number, String branch, String name, LocalDate birthDate,
        String institutionCode, String prescriptionId, String prescriberCode, LocalDate prescribedOn,
        LocalDate dispensedOn, String drugCode, String drugName, BigDecimal quantity, String unit, String usage,
        Integer days, String category, String cancels) {

    public enum Kind {
        PRESCRIBED("prescribed"), DISPENSED("dispensed"), CANCELLED("cancelled");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        /** As the feed and the store write it. */
        public String code() {
            return code;
        }
    }

    /** The day the event is about: prescribed, dispensed, or (a cancellation) the day it was made, in Japan. */
    public LocalDate happenedOn() {
        return switch (kind) {
            case PRESCRIBED -> prescribedOn;
            case DISPENSED -> dispensedOn;
            case CANCELLED -> occurredAt.atZoneSameInstant(ClockConfiguration.JAPAN).toLocalDate();
        };
    }
}
