package jp.mynahealth.portal.api.fhir;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Service;

import jp.mynahealth.portal.api.fhir.RecordRows.CoverageRow;
import jp.mynahealth.portal.api.fhir.RecordRows.DispenseRow;
import jp.mynahealth.portal.api.fhir.RecordRows.NoticeRow;
import jp.mynahealth.portal.api.fhir.RecordRows.Page;
import jp.mynahealth.portal.api.fhir.RecordRows.ResultRow;
import jp.mynahealth.portal.api.fhir.RecordRows.VaccinationRow;
import jp.mynahealth.records.PersonId;

/**
 * A person's records as FHIR R4 resources: the person, a page of one type (a searchset Bundle with
 * a {@code next} link while more rows follow), everything at once (a collection Bundle), and a
 * patient summary (a document Bundle shaped after the International Patient Summary). What an app
 * may read of them is the API's business (scopes, consents); this only ever reads the person given.
 */
@Service
public class FhirRecords {

    /** Rows read per statement when a Bundle takes all of them. */
    private static final int CHUNK = 500;

    private final FhirRecordsRepository repository;
    private final Clock clock;

    FhirRecords(FhirRecordsRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    /** @throws NoSuchElementException if the read store has no such person */
    public Patient patient(PersonId person) {
        return repository.person(person).map(PatientMapping::patient)
                .orElseThrow(() -> new NoSuchElementException("no such person in the read store"));
    }

    /**
     * One page of a search, newest first. The Bundle has no {@code total} (counting would read every
     * row of the person for each page); its {@code self} link repeats the search with the dates as
     * ranges, and its {@code next} link carries the cursor to the following page.
     *
     * @param baseUrl the API's FHIR base, such as {@code https://portal.example/api/v1/fhir}
     */
    public Bundle search(FhirSearch search, String baseUrl) {
        PersonId person = search.person();
        Position after = search.cursor() == null ? null : SearchCursor.decode(search.cursor(), person, search.type());
        Addresses addresses = Addresses.onServer(person, baseUrl);
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        bundle.setTimestamp(Date.from(clock.instant()));
        Position next = switch (search.type()) {
            case COVERAGE -> add(bundle, addresses, repository.coverages(person, after, search.count()),
                    row -> CoverageMapping.coverage(row, addresses), FhirRecords::position);
            case MEDICATION_DISPENSE -> add(bundle, addresses,
                    repository.dispenses(person, search.from(), search.to(), after, search.count()),
                    row -> MedicationDispenseMapping.dispense(row, addresses), FhirRecords::position);
            case OBSERVATION -> add(bundle, addresses,
                    repository.results(person, search.from(), search.to(), after, search.count()),
                    row -> ObservationMapping.observation(row, addresses), FhirRecords::position);
            case EXPLANATION_OF_BENEFIT -> {
                List<CoverageRow> coverages = all(position -> repository.coverages(person, position, CHUNK), FhirRecords::position);
                yield add(bundle, addresses, repository.notices(person, search.from(), search.to(), after, search.count()),
                        row -> ExplanationOfBenefitMapping.explanation(row, coverages, addresses), FhirRecords::position);
            }
        };
        String base = trimmed(baseUrl) + "/" + search.type().resourceName();
        bundle.addLink().setRelation("self").setUrl(base + query(search, search.cursor()));
        if (next != null) {
            bundle.addLink().setRelation("next").setUrl(base + query(search, SearchCursor.encode(person, search.type(), next)));
        }
        return bundle;
    }

    /** Every resource of the person, the Patient first, each with a {@code urn:uuid:} full URL the references use. */
    public Bundle everything(PersonId person) {
        Addresses addresses = Addresses.inBundle(person);
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        bundle.setTimestamp(Date.from(clock.instant()));
        Patient patient = patient(person);
        bundle.addEntry().setFullUrl(addresses.patient()).setResource(patient);
        List<CoverageRow> coverages = all(position -> repository.coverages(person, position, CHUNK), FhirRecords::position);
        coverages.forEach(row -> entry(bundle, addresses, CoverageMapping.coverage(row, addresses)));
        all(position -> repository.dispenses(person, null, null, position, CHUNK), FhirRecords::position)
                .forEach(row -> entry(bundle, addresses, MedicationDispenseMapping.dispense(row, addresses)));
        all(position -> repository.results(person, null, null, position, CHUNK), FhirRecords::position)
                .forEach(row -> entry(bundle, addresses, ObservationMapping.observation(row, addresses)));
        all(position -> repository.notices(person, null, null, position, CHUNK), FhirRecords::position)
                .forEach(row -> entry(bundle, addresses, ExplanationOfBenefitMapping.explanation(row, coverages, addresses)));
        all(position -> repository.vaccinations(person, position, CHUNK), FhirRecords::position)
                .forEach(row -> entry(bundle, addresses, ImmunizationMapping.immunization(row, addresses)));
        return bundle;
    }

    /**
     * The person's summary as an International Patient Summary shaped document: the Composition, the
     * Patient, the drugs dispensed in the last {@value PatientSummaryDocument#RECENT_DAYS} days, every
     * routine vaccination, the results of the latest checkup and the coverage in force today.
     */
    public Bundle patientSummary(PersonId person) {
        LocalDate today = LocalDate.now(clock);
        Addresses addresses = Addresses.inBundle(person);
        List<CoverageRow> coverages = all(position -> repository.coverages(person, position, CHUNK), FhirRecords::position);
        List<DispenseRow> recent = all(position -> repository.dispenses(person,
                today.minusDays(PatientSummaryDocument.RECENT_DAYS), today, position, CHUNK), FhirRecords::position);
        List<ResultRow> latest = repository.latestCheckup(person)
                .map(day -> all(position -> repository.results(person, day, day, position, CHUNK), FhirRecords::position))
                .orElse(List.of());
        List<VaccinationRow> vaccinations = all(position -> repository.vaccinations(person, position, CHUNK), FhirRecords::position);
        return new PatientSummaryDocument(addresses, clock).build(patient(person),
                coverages.stream().filter(c -> c.covers(today)).map(c -> CoverageMapping.coverage(c, addresses)).toList(),
                recent.stream().map(row -> MedicationDispenseMapping.dispense(row, addresses)).toList(),
                vaccinations.stream().map(row -> ImmunizationMapping.immunization(row, addresses)).toList(),
                latest.stream().map(row -> ObservationMapping.observation(row, addresses)).toList());
    }

    private static void entry(Bundle bundle, Addresses addresses, Resource resource) {
        bundle.addEntry().setFullUrl(addresses.fullUrl(resource.fhirType(), resource.getIdPart())).setResource(resource);
    }

    /** Adds a page's resources as matches; the position to continue from, or null after the last page. */
    private static <T> Position add(Bundle bundle, Addresses addresses, Page<T> page, Function<T, Resource> resource,
            Function<T, Position> position) {
        for (T row : page.rows()) {
            Resource made = resource.apply(row);
            bundle.addEntry().setFullUrl(addresses.fullUrl(made.fhirType(), made.getIdPart())).setResource(made)
                    .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        return page.more() ? position.apply(page.rows().get(page.rows().size() - 1)) : null;
    }

    /** Every row, read a chunk at a time along the keyset. */
    private static <T> List<T> all(Function<Position, Page<T>> read, Function<T, Position> position) {
        List<T> rows = new ArrayList<>();
        Position after = null;
        while (true) {
            Page<T> page = read.apply(after);
            rows.addAll(page.rows());
            if (!page.more()) {
                return rows;
            }
            after = position.apply(page.rows().get(page.rows().size() - 1));
        }
    }

    private static Position position(CoverageRow row) {
        return new Position(row.validFrom(), String.valueOf(row.id()), null);
    }

    private static Position position(DispenseRow row) {
        return new Position(row.dispensedOn(), String.valueOf(row.id()), null);
    }

    private static Position position(ResultRow row) {
        return new Position(row.checkedOn(), row.checkupId().toString(), row.itemCode());
    }

    private static Position position(VaccinationRow row) {
        return new Position(row.givenOn(), String.valueOf(row.id()), null);
    }

    private static Position position(NoticeRow row) {
        return new Position(row.serviceMonth(), String.valueOf(row.id()), null);
    }

    private static String trimmed(String baseUrl) {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The search's parameters as a query string: the dates as the range they came to, the count, and a cursor. */
    private static String query(FhirSearch search, String cursor) {
        List<String> params = new ArrayList<>();
        if (search.from() != null) {
            params.add("date=ge" + search.from());
        }
        if (search.to() != null) {
            params.add("date=le" + search.to());
        }
        params.add("_count=" + search.count());
        if (cursor != null) {
            params.add("_cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        }
        return "?" + String.join("&", params);
    }
}
