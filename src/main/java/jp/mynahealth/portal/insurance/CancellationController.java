package jp.mynahealth.portal.insurance;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import jp.mynahealth.portal.access.AccessLog;
import jp.mynahealth.portal.access.AccessLog.Action;
import jp.mynahealth.portal.access.AccessLog.Result;
import jp.mynahealth.portal.access.Visit;
import jp.mynahealth.records.Qualification;
import jp.mynahealth.records.QualificationRepository;

/** 利用登録の解除: what it means, the confirmation, and what happens next (a 資格確認書 from the insurer, if there is one). */
@Controller
class CancellationController {

    private final RegistrationRepository registrations;
    private final QualificationRepository qualifications;
    private final AccessLog accessLog;
    private final Clock clock;

    CancellationController(RegistrationRepository registrations, QualificationRepository qualifications,
            AccessLog accessLog, Clock clock) {
        this.registrations = registrations;
        this.qualifications = qualifications;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @GetMapping("/insurance/registration/cancel")
    String confirm(Visit visit, Model model, HttpServletResponse response) {
        accessLog.record(visit, Action.VIEW_REGISTRATION, Result.OK);
        if (registrations.active(visit.person()).isEmpty()) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return "portal/insurance/not-registered";
        }
        return "portal/insurance/cancel";
    }

    @PostMapping("/insurance/registration/cancel")
    String cancel(Visit visit, RedirectAttributes redirect) {
        LocalDate today = LocalDate.now(clock);
        String insurer = qualifications.findAll(visit.person()).stream().filter(q -> q.validOn(today))
                .map(Qualification::insurerNumber).findFirst().orElse(null);
        try {
            registrations.cancel(visit, insurer);
        } catch (NotRegisteredException e) {
            accessLog.record(visit, Action.CANCEL_CARD_USE, Result.REFUSED);
            throw e;
        }
        accessLog.record(visit, Action.CANCEL_CARD_USE, Result.OK);
        redirect.addFlashAttribute("notice", "cancelled");
        return "redirect:/insurance/registration/cancelled";
    }

    /** Says what the cancellation did, from what was recorded: a 資格確認書 is asked for only when there was an insurer to ask. */
    @GetMapping("/insurance/registration/cancelled")
    String cancelled(Visit visit, Model model) {
        Optional<Cancellation> cancellation = registrations.latestCancellation(visit.person());
        if (cancellation.isEmpty()) {
            // Nothing cancelled, or registered again since: the registration page says what holds now.
            return "redirect:/insurance/registration";
        }
        model.addAttribute("cancellation", cancellation.get());
        model.addAttribute("history", registrations.history(visit.person()));
        return "portal/insurance/cancelled";
    }

    @ExceptionHandler(NotRegisteredException.class)
    String notRegistered(HttpServletResponse response) {
        response.setStatus(HttpStatus.CONFLICT.value());
        return "portal/insurance/not-registered";
    }
}
