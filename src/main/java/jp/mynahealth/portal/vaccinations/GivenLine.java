package jp.mynahealth.portal.vaccinations;

import jp.mynahealth.records.Vaccination;

/** A dose given, with the vaccine's name in the page's language and the message key of the dose's name. */
record GivenLine(Vaccination vaccination, String vaccineName, String doseKey) {
}
