package jp.mynahealth.portal.insurance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HtmxRequest;
import jp.mynahealth.portal.access.AccessLog;
import jp.mynahealth.portal.access.AccessLog.Action;
import jp.mynahealth.portal.access.AccessLog.Result;
import jp.mynahealth.portal.access.Visit;
import jp.mynahealth.records.DataAsOfRepository;
import jp.mynahealth.records.DataAsOfRepository.DataKind;
import jp.mynahealth.records.Qualification;
import jp.mynahealth.records.QualificationRepository;

/** 資格情報: the current insurance (numbers masked until asked for), past qualifications and the registration status. */
@Controller
class InsuranceController {

    private final QualificationRepository qualifications;
    private final RegistrationRepository registrations;
    private final DataAsOfRepository dataAsOf;
    private final AccessLog accessLog;
    private final Clock clock;

    InsuranceController(QualificationRepository qualifications, RegistrationRepository registrations,
            DataAsOfRepository dataAsOf, AccessLog accessLog, Clock clock) {
        this.qualifications = qualifications;
        this.registrations = registrations;
        this.dataAsOf = dataAsOf;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @GetMapping("/insurance")
    String insurance(Visit visit, @RequestParam(name = "show", required = false) String show, HtmxRequest htmx,
            Model model) {
        boolean reveal = "numbers".equals(show);
        LocalDate today = LocalDate.now(clock);
        List<Qualification> all = qualifications.findAll(visit.person());
        Qualification current = all.stream().filter(q -> q.validOn(today)).findFirst().orElse(null);
        model.addAttribute("current", current == null ? null : QualificationView.of(current, reveal));
        model.addAttribute("past", all.stream().filter(q -> q != current && !q.validOn(today))
                .map(q -> QualificationView.of(q, false)).toList());
        model.addAttribute("revealed", reveal);
        model.addAttribute("registration", registrations.active(visit.person()).orElse(null));
        model.addAttribute("asOf", dataAsOf.completeThrough(DataKind.QUALIFICATION).orElse(null));
        accessLog.record(visit, reveal ? Action.REVEAL_INSURANCE_NUMBER : Action.VIEW_QUALIFICATION, Result.OK);
        if (htmx.isHtmxRequest() && reveal) {
            return "portal/insurance/partials/numbers";
        }
        return "portal/insurance/insurance";
    }
}
