package jp.mynahealth.portal.notices;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import jp.mynahealth.records.Person;

/**
 * What every source is given: whose notices, which day it is in Japan, and when the person was last
 * here before this visit (empty on a first visit).
 */
public record NoticeContext(Person person, LocalDate today, Optional<Instant> previousVisit) {
}
