package jp.mynahealth.portal.etax;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

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
import jp.mynahealth.portal.proxies.ProxyGrant;
import jp.mynahealth.records.Person;

/**
 * e-Tax: a tax year's medical expenses, a deduction estimate from an income the citizen types in
 * (never stored or logged), and the downloads — the signed XML, the NTA collection form and a
 * printable statement — all made on the fly from the read store. On their own page a citizen may add
 * the family members they act for with e-Tax ({@code member=<grant id>}, repeated): the estimate,
 * the form and the statement then cover the household, and each member's signed XML is offered on
 * its own or all in one zip.
 */
@Controller
class EtaxController {

    private static final Logger log = LoggerFactory.getLogger(EtaxController.class);
    static final long MAX_AMOUNT = 100_000_000_000L;

    private final TaxYears taxYears;
    private final FamilyMembers familyMembers;
    private final TaxNoticeFiles files;
    private final MedicalExpenseWorkbook workbook;
    private final AccessLog accessLog;
    private final Clock clock;

    EtaxController(TaxYears taxYears, FamilyMembers familyMembers, TaxNoticeFiles files,
            MedicalExpenseWorkbook workbook, AccessLog accessLog, Clock clock) {
        this.taxYears = taxYears;
        this.familyMembers = familyMembers;
        this.files = files;
        this.workbook = workbook;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @GetMapping("/etax")
    String page(Visit visit, @RequestParam(required = false) String year,
            @RequestParam(name = "member", required = false) List<String> members, Model model,
            HttpServletResponse response) {
        List<ProxyGrant> chosen = familyMembers.chosen(visit, members);
        int thisYear = taxYears.thisYear();
        int asked = year == null || year.isBlank() ? thisYear - 1 : taxYears.year(year).orElse(-1);
        if (asked < 0) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("invalidYear", true);
        }
        Household household = fill(model, visit, asked < 0 ? thisYear - 1 : asked, chosen);
        if (asked < 0) {
            accessLog.record(visit, Action.VIEW_TAX_YEAR, Result.REFUSED);
        } else {
            taxYears.record(visit, household, Action.VIEW_TAX_YEAR);
        }
        return "portal/etax/etax";
    }

    /** The estimate: the income and reimbursement are used for this answer only. */
    @PostMapping("/etax")
    String estimate(Visit visit, @RequestParam(required = false) String year, @RequestParam(required = false) String income,
            @RequestParam(required = false) String reimbursed,
            @RequestParam(name = "member", required = false) List<String> members, HtmxRequest htmx, Model model,
            HttpServletResponse response) {
        List<ProxyGrant> chosen = familyMembers.chosen(visit, members);
        int asked = taxYears.year(year).orElse(taxYears.thisYear() - 1);
        Household household = fill(model, visit, asked, chosen);
        Optional<Long> incomeYen = amount(income);
        Optional<Long> reimbursedYen = reimbursed == null || reimbursed.isBlank() ? Optional.of(0L) : amount(reimbursed);
        if (incomeYen.isEmpty() || reimbursedYen.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("incomeError", incomeYen.isEmpty());
            model.addAttribute("reimbursedError", reimbursedYen.isEmpty());
        } else {
            // One return claims the household's expenses: the deduction is of what they paid together.
            model.addAttribute("estimate", DeductionEstimate.of(household.paid(), reimbursedYen.get(), incomeYen.get()));
        }
        model.addAttribute("incomeInput", income);
        model.addAttribute("reimbursedInput", reimbursed);
        taxYears.record(visit, household, Action.VIEW_TAX_YEAR);
        return htmx.isHtmxRequest() ? "portal/etax/partials/estimate" : "portal/etax/etax";
    }

    private Household fill(Model model, Visit visit, int year, List<ProxyGrant> chosen) {
        Household household = taxYears.household(visit, year, chosen);
        model.addAttribute("taxYear", household.self().taxYear());
        model.addAttribute("household", household);
        model.addAttribute("familyChoices", familyMembers.eligible(visit));
        model.addAttribute("years", IntStream.rangeClosed(2021, taxYears.thisYear()).boxed()
                .sorted(Comparator.reverseOrder()).toList());
        return household;
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

    /** The citizen's own signed file, or one family member's ({@code member=<grant id>}): one file per person, as insurers issue them. */
    @GetMapping("/etax/{year}/iryohi.xml")
    ResponseEntity<byte[]> xml(Visit visit, @PathVariable String year,
            @RequestParam(name = "member", required = false) List<String> members) {
        refuseOnKiosk(visit, Action.DOWNLOAD_TAX_XML);
        int chosen = yearOrNotFound(year);
        List<ProxyGrant> grants = familyMembers.chosen(visit, members);
        if (grants.size() > 1) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Visit whose = grants.isEmpty() ? visit : visit.actingFor(grants.get(0).principal());
        Person person = taxYears.person(whose);
        byte[] file = signedXml(whose, person, chosen);
        accessLog.record(whose, Action.DOWNLOAD_TAX_XML, Result.OK);
        if (grants.isEmpty()) {
            return Downloads.file(file, MediaType.APPLICATION_XML, "iryohi-tsuchi-" + chosen + ".xml",
                    "医療費通知情報_" + chosen + "年分.xml");
        }
        return Downloads.file(file, MediaType.APPLICATION_XML, "iryohi-tsuchi-" + chosen + "-family.xml",
                "医療費通知情報_" + chosen + "年分_" + compact(person.fullName()) + ".xml");
    }

    /** Every household member's signed file in one zip, numbered in the household's order and named after the person. */
    @GetMapping("/etax/{year}/iryohi.zip")
    ResponseEntity<byte[]> zip(Visit visit, @PathVariable String year,
            @RequestParam(name = "member", required = false) List<String> members) {
        refuseOnKiosk(visit, Action.DOWNLOAD_TAX_XML);
        int chosen = yearOrNotFound(year);
        Household household = taxYears.household(visit, chosen, familyMembers.chosen(visit, members));
        Map<String, byte[]> files = new LinkedHashMap<>();
        int n = 1;
        for (Household.Member member : household.members()) {
            Visit whose = member.self() ? visit : visit.actingFor(member.person().id());
            files.put(String.format("%02d_%s_医療費通知情報_%d年分.xml", n++, compact(member.name()), chosen),
                    signedXml(whose, member.person(), chosen));
        }
        byte[] file = Downloads.zip(files, LocalDate.now(clock));
        // The zip is each member's signed file handed out: the same access as downloading each alone.
        taxYears.record(visit, household, Action.DOWNLOAD_TAX_XML);
        return Downloads.file(file, Downloads.ZIP, "iryohi-tsuchi-" + chosen + "-family.zip",
                "医療費通知情報_" + chosen + "年分_家族.zip");
    }

    @GetMapping("/etax/{year}/iryohi.xlsx")
    ResponseEntity<byte[]> xlsx(Visit visit, @PathVariable String year,
            @RequestParam(name = "member", required = false) List<String> members) {
        refuseOnKiosk(visit, Action.DOWNLOAD_TAX_XLSX);
        int chosen = yearOrNotFound(year);
        Household household = taxYears.household(visit, chosen, familyMembers.chosen(visit, members));
        byte[] file = workbook.build(household.patients(), LocalDate.now(clock));
        taxYears.record(visit, household, Action.DOWNLOAD_TAX_XLSX);
        if (!household.withFamily()) {
            return Downloads.file(file, Downloads.XLSX, "iryohi-shukei-" + chosen + ".xlsx", "医療費集計フォーム_" + chosen + "年分.xlsx");
        }
        return Downloads.file(file, Downloads.XLSX, "iryohi-shukei-" + chosen + "-family.xlsx",
                "医療費集計フォーム_" + chosen + "年分_家族.xlsx");
    }

    /** The printable statement, per person with subtotals when family members are added: what a kiosk offers instead of files. */
    @GetMapping("/etax/{year}/statement")
    String statement(Visit visit, @PathVariable String year,
            @RequestParam(name = "member", required = false) List<String> members, Model model) {
        int chosen = yearOrNotFound(year);
        Household household = taxYears.household(visit, chosen, familyMembers.chosen(visit, members));
        model.addAttribute("taxYear", household.self().taxYear());
        model.addAttribute("person", household.self().person());
        model.addAttribute("household", household);
        taxYears.record(visit, household, Action.VIEW_TAX_STATEMENT);
        return "portal/etax/statement";
    }

    private int yearOrNotFound(String year) {
        return taxYears.year(year).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private byte[] signedXml(Visit whose, Person person, int year) {
        return files.signedXml(whose, person, year);
    }

    /** A name as part of a file name: without the space between family and given name. */
    private static String compact(String name) {
        return name.replaceAll("[\\s\u3000]+", "");
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
