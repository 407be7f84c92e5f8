package jp.mynahealth.taxapp;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

/** The years a return may be made for here: the last five, last year first (this year's is not over). */
record TaxYearChoice(List<Integer> years) {

    static TaxYearChoice of(Clock clock) {
        int thisYear = LocalDate.now(clock).getYear();
        return new TaxYearChoice(IntStream.rangeClosed(1, 5).mapToObj(back -> thisYear - back).toList());
    }

    int defaultYear() {
        return years.get(0);
    }

    boolean offers(Integer year) {
        return year != null && years.contains(year);
    }
}
