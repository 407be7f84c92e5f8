package jp.mynahealth.records;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One dispensed drug line (薬剤情報), from a claim or from an e-prescription dispensing.
 *
 * @param id             the line's id within its source (the two sources number their lines apart)
 * @param cheaperGeneric for a brand drug, the cheapest generic of the same ingredient, form and strength
 *                       the drug master lists, with the copay rate of the day; null when there is none
 */
public record Dispensing(Source source, long id, LocalDate dispensedOn, String dispenserCode, String dispenserName,
        String prescriberName, String drugCode, String drugName, boolean generic, BigDecimal quantity, String unit,
        String usage, int days, String category, CheaperGeneric cheaperGeneric) {

    /**
     * Where a line comes from. On one day the e-prescription lines are listed before the claims'
     * ({@link #rank()} descending), which the keyset of the list follows.
     */
    public enum Source {
        E_PRESCRIPTION("erx", 2), CLAIM("claim", 1);

        private final String code;
        private final int rank;

        Source(String code, int rank) {
            this.code = code;
            this.rank = rank;
        }

        /** As the list's "more" link writes it. */
        public String code() {
            return code;
        }

        int rank() {
            return rank;
        }

        public static Source ofCode(String code) {
            for (Source source : values()) {
                if (source.code.equals(code)) {
                    return source;
                }
            }
            throw new IllegalArgumentException("no such source: " + code);
        }

        static Source ofRank(int rank) {
            return rank == E_PRESCRIPTION.rank ? E_PRESCRIPTION : CLAIM;
        }
    }
}
