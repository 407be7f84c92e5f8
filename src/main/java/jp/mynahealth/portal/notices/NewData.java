package jp.mynahealth.portal.notices;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * When each kind of a person's data last arrived, and which of them arrived after their previous
 * visit. Claims and checkups arrive in files whose import time is known to the second; vaccinations
 * carry only the day the municipality recorded them, so a record of the very day of the previous
 * visit counts as seen (the visit may have come after it).
 */
record NewData(Map<Kind, Instant> arrived, Map<Kind, LocalDate> recordedOn) {

    enum Kind {
        CLAIMS("claims", "/drugs", "notices.action.drugs"),
        CHECKUPS("checkups", "/checkups", "notices.action.checkups"),
        VACCINATIONS("vaccinations", "/vaccinations", "notices.action.vaccinations"),
        E_PRESCRIPTIONS("e-prescriptions", "/drugs", "notices.action.drugs");

        final String code;
        final String link;
        final String actionKey;

        Kind(String code, String link, String actionKey) {
            this.code = code;
            this.link = link;
            this.actionKey = actionKey;
        }
    }

    NewData {
        arrived = Map.copyOf(arrived);
        recordedOn = Map.copyOf(recordedOn);
    }

    /** The kinds that arrived after the previous visit, with the day they did; nothing on a first visit. */
    Map<Kind, LocalDate> since(Optional<Instant> previousVisit, ZoneId zone) {
        Map<Kind, LocalDate> fresh = new EnumMap<>(Kind.class);
        if (previousVisit.isEmpty()) {
            return fresh;
        }
        Instant visit = previousVisit.get();
        arrived.forEach((kind, at) -> {
            if (at.isAfter(visit)) {
                fresh.put(kind, at.atZone(zone).toLocalDate());
            }
        });
        LocalDate visitDay = visit.atZone(zone).toLocalDate();
        recordedOn.forEach((kind, day) -> {
            if (day.isAfter(visitDay)) {
                fresh.put(kind, day);
            }
        });
        return fresh;
    }

    /** A stable name for what arrived: another arrival later is another notice. */
    String key(Kind kind) {
        Instant at = arrived.get(kind);
        return "new-data:" + kind.code + ":" + (at != null ? String.valueOf(at.getEpochSecond()) : recordedOn.get(kind).toString());
    }
}
