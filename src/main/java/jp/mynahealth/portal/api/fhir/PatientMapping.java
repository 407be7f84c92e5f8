package jp.mynahealth.portal.api.fhir;

import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;

import jp.mynahealth.records.Person;

/**
 * The person, minimal: the name in kanji and in kana (JP Core: two names told apart by the
 * iso21090-EN-representation extension, IDE and SYL), the birth date and the sex of the insurance
 * qualification. No identifier: the portal id is the resource's id, and neither the My Number nor an
 * insurance number is ever given.
 */
final class PatientMapping {

    private PatientMapping() {
    }

    static Patient patient(Person person) {
        Patient patient = new Patient();
        patient.setId(person.id().value().toString());
        patient.addName(name(person.familyName(), person.givenName(), "IDE"));
        patient.addName(name(person.familyNameKana(), person.givenNameKana(), "SYL"));
        patient.setGender(person.sex() == 1 ? AdministrativeGender.MALE : AdministrativeGender.FEMALE);
        patient.setBirthDateElement(new DateType(person.birthDate().toString()));
        return patient;
    }

    private static HumanName name(String family, String given, String representation) {
        HumanName name = new HumanName().setUse(HumanName.NameUse.OFFICIAL).setFamily(family).setText(family + " " + given);
        name.addGiven(given);
        name.addExtension(FhirCodes.NAME_REPRESENTATION, new CodeType(representation));
        return name;
    }
}
