package jp.mynahealth.records;

import java.time.LocalDate;

/** A citizen as the read store knows them. */
public record Person(PersonId id, String familyName, String givenName, String familyNameKana, String givenNameKana,
        LocalDate birthDate, int sex, String municipalityCode) {

    public String fullName() {
        return familyName + " " + givenName;
    }

    public String fullNameKana() {
        return familyNameKana + " " + givenNameKana;
    }
}
