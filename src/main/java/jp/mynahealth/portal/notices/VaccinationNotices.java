package jp.mynahealth.portal.notices;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

import jp.mynahealth.portal.vaccinations.ChildSchedule;
import jp.mynahealth.portal.vaccinations.ScheduleLine;
import jp.mynahealth.records.Person;
import jp.mynahealth.records.VaccinationRepository;

/**
 * A routine dose is due, or overdue while still free: the vaccinations page's own schedule, so the
 * notice and the page never disagree. A dose that turns from due to overdue gets a new key and is
 * unread again: the window closing is news.
 */
@Component
class VaccinationNotices implements NoticeSource {

    private final VaccinationRepository vaccinations;

    VaccinationNotices(VaccinationRepository vaccinations) {
        this.vaccinations = vaccinations;
    }

    @Override
    public List<Notice> notices(NoticeContext context) {
        Person person = context.person();
        if (!ChildSchedule.covers(person.birthDate(), person.sex(), context.today())) {
            return List.of();
        }
        ChildSchedule schedule = ChildSchedule.of(person.birthDate(), person.sex(), vaccinations.ofPerson(person.id()),
                context.today());
        List<Notice> notices = new ArrayList<>();
        for (ScheduleLine line : schedule.overdue()) {
            notices.add(new Notice(key(line, "overdue"), line.recommendedUntil().plusDays(1), "notices.vaccination.overdue.title",
                    "notices.vaccination.overdue.text", List.of(name(line.seriesKey()), name(line.doseKey()), line.closesOn()),
                    "/vaccinations", "notices.action.vaccinations"));
        }
        for (ScheduleLine line : schedule.due()) {
            notices.add(new Notice(key(line, "due"), line.recommendedFrom(), "notices.vaccination.due.title",
                    "notices.vaccination.due.text", List.of(name(line.seriesKey()), name(line.doseKey()),
                            line.recommendedUntil(), line.closesOn()),
                    "/vaccinations", "notices.action.vaccinations"));
        }
        return notices;
    }

    private static String key(ScheduleLine line, String status) {
        return "vaccination:" + line.series().name().toLowerCase(Locale.ROOT) + ":" + line.dose() + ":" + status;
    }

    /** Resolved in the reader's language when the notice is shown. */
    private static DefaultMessageSourceResolvable name(String messageKey) {
        return new DefaultMessageSourceResolvable(messageKey);
    }
}
