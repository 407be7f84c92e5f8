package jp.mynahealth.portal.etax;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jp.mynahealth.records.Person;
import jp.mynahealth.records.PersonId;

/**
 * The people one tax return claims medical expenses for: the 医療費控除 covers what the filer paid for
 * relatives who share their livelihood (生計を一にする親族), so one person of the household files for
 * all. The filer comes first, then the family members they added, oldest first (a grant's id breaks a
 * tie), so the form's rows, the statement and the zip keep one order however the request listed them.
 */
public record Household(List<Member> members) {

    /** One person's year; {@code grantId} is the grant the filer acts under, or null for the filer. */
    public record Member(Long grantId, Person person, TaxYear taxYear) {

        public boolean self() {
            return grantId == null;
        }

        public String name() {
            return person.fullName();
        }
    }

    private static final Comparator<Member> OLDEST_FIRST = Comparator
            .comparing((Member m) -> m.person().birthDate()).thenComparing(Member::grantId);

    public Household {
        members = List.copyOf(members);
    }

    /** The filer first, then the others oldest first; the filer or anyone listed twice counts once. */
    static Household of(Member self, List<Member> others) {
        if (!self.self()) {
            throw new IllegalArgumentException("the filer is not acting under a grant");
        }
        List<Member> all = new ArrayList<>();
        all.add(self);
        Set<PersonId> seen = new HashSet<>(Set.of(self.person().id()));
        others.stream().filter(m -> !m.self()).sorted(OLDEST_FIRST).filter(m -> seen.add(m.person().id())).forEach(all::add);
        return new Household(all);
    }

    public Member self() {
        return members.get(0);
    }

    /** The members the filer added, without the filer. */
    public List<Member> family() {
        return members.subList(1, members.size());
    }

    public boolean withFamily() {
        return members.size() > 1;
    }

    /** The grants of the added members, in the household's order: what links carry to keep the choice. */
    public List<Long> grantIds() {
        return family().stream().map(Member::grantId).toList();
    }

    /** What the household paid at the counter, as the notices estimate it: the deduction's basis. */
    public long paid() {
        return members.stream().mapToLong(m -> m.taxYear().paid()).sum();
    }

    public long totalCost() {
        return members.stream().mapToLong(m -> m.taxYear().summary().all().totalCost()).sum();
    }

    public int days() {
        return members.stream().mapToInt(m -> m.taxYear().summary().all().days()).sum();
    }

    public int noticeCount() {
        return members.stream().mapToInt(m -> m.taxYear().notices().size()).sum();
    }

    public boolean empty() {
        return noticeCount() == 0;
    }

    /** Every member's notices, as the collection form lists them. */
    List<MedicalExpenseWorkbook.Patient> patients() {
        return members.stream().map(m -> new MedicalExpenseWorkbook.Patient(m.name(), m.taxYear().notices())).toList();
    }
}
