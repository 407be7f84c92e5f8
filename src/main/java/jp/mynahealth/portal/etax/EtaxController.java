package jp.mynahealth.portal.etax;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jakarta.servlet.http.HttpServletResponse;
import jp.mynahealth.portal.access.AccessLog;
import jp.mynahealth.portal.access.AccessLog.Action;
import jp.mynahealth.portal.access.AccessLog.Result;
import jp.mynahealth.portal.access.Channel;
import jp.mynahealth.portal.access.Visit;
import jp.mynahealth.records.CostNoticeRepository;
import jp.mynahealth.records.DataAsOfRepository;
import jp.mynahealth.records.DataAsOfRepository.DataKind;
import jp.mynahealth.records.Person;
import jp.mynahealth.records.PersonRepository;
import jp.mynahealth.records.Qualification;
import jp.mynahealth.records.QualificationRepository;

/**
 * e-Tax: a tax year's medical expenses, a deduction estimate from an income the citizen types in
 * (never stored or logged), and the downloads — the signed XML, the NTA collection form and a
 * printable statement — all made on the fly from the read store.
 */
@Controller
class EtaxController {

    private static final Logger log = LoggerFactory.getLogger(EtaxController.class);
    static final long MAX_AMOUNT = 100_000_000_000L;

    private final CostNoticeRepository notices;
    private final PersonRepository persons;
    private final QualificationRepository qualifications;
    private final DataAsOfRepository dataAsOf;
    private final MedicalExpenseXml xml;
    private final MedicalExpenseWorkbook workbook;
    private final AccessLog accessLog;
    private final Clock clock;

    EtaxController(CostNoticeRepository notices, PersonRepository persons, QualificationRepository qualifications,
            DataAsOfRepository dataAsOf, MedicalExpenseXml xml, MedicalExpenseWorkbook workbook, AccessLog accessLog,
            Clock clock) {
        this.notices = notices;
        this.persons = persons;
        this.qualifications = qualifications;
        this.dataAsOf = dataAsOf;
        this.xml = xml;
        this.workbook = workbook;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    private int thisYear() {
        return LocalDate.now(clock).getYear();
    }

    /** A year from the request: 2021 (the first notices) to this year; anything else is refused. */
    private Optional<Integer> year(String text) {
        try {
            int year = Integer.parseInt(text.strip());
            return year >= 2021 && year <= thisYear() ? Optional.of(year) : Optional.empty();
        } catch (NumberFormatException | NullPointerException e) {
            return Optional.empty();
        }
    }

    private TaxYear taxYear(Visit visit, int year) {
        return TaxYear.of(year, notices.ofYear(visit.person(), year), dataAsOf.completeThrough(DataKind.COST_NOTICE).orElse(null));
    }

    @GetMapping("/etax")
    String page(Visit visit, @RequestParam(required = false) String year, Model model, HttpServletResponse response) {
        int chosen = year == null || year.isBlank() ? thisYear() - 1 : year(year).orElse(-1);
        if (chosen < 0) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("invalidYear", true);
            chosen = thisYear() - 1;
        }
        fill(model, visit, chosen);
        accessLog.record(visit, Action.VIEW_TAX_YEAR, model.containsAttribute("invalidYear") ? Result.REFUSED : Result.OK);
        return "portal/etax/etax";
    }

    /** The estimate: the income and reimbursement are used for this answer only. */
    @PostMapping("/etax")
    String estimate(Visit visit, @RequestParam(required = false) String year, @RequestParam(required = false) String income,
            @RequestParam(required = false) String reimbursed, HtmxRequest htmx, Model model, HttpServletResponse response) {
        int chosen = year(year).orElse(thisYear() - 1);
        TaxYear taxYear = fill(model, visit, chosen);
        Optional<Long> incomeYen = amount(income);
        Optional<Long> reimbursedYen = reimbursed == null || reimbursed.isBlank() ? Optional.of(0L) : amount(reimbursed);
        if (incomeYen.isEmpty() || reimbursedYen.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("incomeError", incomeYen.isEmpty());
            model.addAttribute("reimbursedError", reimbursedYen.isEmpty());
        } else {
            model.addAttribute("estimate", DeductionEstimate.of(taxYear.paid(), reimbursedYen.get(), incomeYen.get()));
        }
        model.addAttribute("incomeInput", income);
        model.addAttribute("reimbursedInput", reimbursed);
        accessLog.record(visit, Action.VIEW_TAX_YEAR, Result.OK);
        return htmx.isHtmxRequest() ? "portal/etax/partials/estimate" : "portal/etax/etax";
    }

    private TaxYear fill(Model model, Visit visit, int year) {
        TaxYear taxYear = taxYear(visit, year);
        model.addAttribute("taxYear", taxYear);
        model.addAttribute("years", java.util.stream.IntStream.rangeClosed(2021, thisYear()).boxed()
                .sorted(java.util.Comparator.reverseOrder()).toList());
        return taxYear;
    }

    /** Whole yen, digits with optional separators (full-width digits too), below ¥100 billion. */
    static Optional<Long> amount(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String digits = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFKC).strip()
                .replace(",", "").replace("円", "").replace("¥", "").strip();
        if (!digits.matches("\\d{1,12}")) {
            return Optional.empty();
        }
        long value = Long.parseLong(digits);
        return value <= MAX_AMOUNT ? Optional.of(value) : Optional.empty();
    }

    @GetMapping("/etax/{year}/iryohi.xml")
    ResponseEntity<byte[]> xml(Visit visit, @PathVariable String year) {
        refuseOnKiosk(visit, Action.DOWNLOAD_TAX_XML);
        int chosen = year(year).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Person person = persons.find(visit.person()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        byte[] file = xml.build(person, qualificationOf(visit, chosen), taxYear(visit, chosen), LocalDate.now(clock));
        accessLog.record(visit, Action.DOWNLOAD_TAX_XML, Result.OK);
        return Downloads.file(file, MediaType.APPLICATION_XML, "iryohi-tsuchi-" + chosen + ".xml",
                "医療費通知情報_" + chosen + "年分.xml");
    }

    @GetMapping("/etax/{year}/iryohi.xlsx")
    ResponseEntity<byte[]> xlsx(Visit visit, @PathVariable String year) {
        refuseOnKiosk(visit, Action.DOWNLOAD_TAX_XLSX);
        int chosen = year(year).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Person person = persons.find(visit.person()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        byte[] file = workbook.build(person.fullName(), notices.ofYear(visit.person(), chosen), LocalDate.now(clock));
        accessLog.record(visit, Action.DOWNLOAD_TAX_XLSX, Result.OK);
        return Downloads.file(file, Downloads.XLSX, "iryohi-shukei-" + chosen + ".xlsx", "医療費集計フォーム_" + chosen + "年分.xlsx");
    }

    @GetMapping("/etax/{year}/statement")
    String statement(Visit visit, @PathVariable String year, Model model) {
        int chosen = year(year).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("taxYear", taxYear(visit, chosen));
        model.addAttribute("person", persons.find(visit.person()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        accessLog.record(visit, Action.VIEW_TAX_STATEMENT, Result.OK);
        return "portal/etax/statement";
    }

    private Qualification qualificationOf(Visit visit, int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        List<Qualification> all = qualifications.findAll(visit.person());
        return all.stream().filter(q -> !q.validFrom().isAfter(last) && (q.validTo() == null || !q.validTo().isBefore(first)))
                .findFirst().orElse(all.isEmpty() ? null : all.get(0));
    }

    /** A file downloaded on a shared kiosk would stay on it for the next person: kiosks print instead. */
    private void refuseOnKiosk(Visit visit, Action download) {
        if (visit.channel() == Channel.KIOSK) {
            accessLog.record(visit, download, Result.REFUSED);
            throw new DownloadOnKioskException();
        }
    }

    static final class DownloadOnKioskException extends RuntimeException {
        DownloadOnKioskException() {
            super("downloads are not offered on a kiosk terminal");
        }
    }

    @ExceptionHandler(DownloadOnKioskException.class)
    String downloadOnKiosk(DownloadOnKioskException e, HttpServletResponse response) {
        log.warn("Refused a download in a kiosk session: kiosks print instead");
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setHeader("Cache-Control", "no-store");
        return "portal/etax/no-download";
    }

    @ExceptionHandler(SigningKey.UnavailableException.class)
    String unavailable(SigningKey.UnavailableException e, HttpServletResponse response) {
        log.error("Cannot sign the e-Tax file: {}", e.getMessage());
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        return "error/503";
    }

    @ExceptionHandler(MedicalExpenseWorkbook.TooManyRowsException.class)
    String tooMany(MedicalExpenseWorkbook.TooManyRowsException e, HttpServletResponse response, Model model) {
        log.warn("Collection form refused: {}", e.getMessage());
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        return "portal/etax/too-many";
    }
}
