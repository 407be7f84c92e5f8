package jp.mynahealth.portal.insurance;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;
import jp.mynahealth.portal.access.AccessLog;
import jp.mynahealth.portal.access.AccessLog.Action;
import jp.mynahealth.portal.access.AccessLog.Result;
import jp.mynahealth.portal.access.Visit;

/** 健康保険証利用の申込み: the explanation, the consent, and the registration itself. */
@Controller
class RegistrationController {

    private final RegistrationRepository registrations;
    private final AccessLog accessLog;

    RegistrationController(RegistrationRepository registrations, AccessLog accessLog) {
        this.registrations = registrations;
        this.accessLog = accessLog;
    }

    @GetMapping("/insurance/registration")
    String explain(Visit visit, Model model) {
        model.addAttribute("registration", registrations.active(visit.person()).orElse(null));
        accessLog.record(visit, Action.VIEW_REGISTRATION, Result.OK);
        return "portal/insurance/registration";
    }

    @PostMapping("/insurance/registration")
    String register(Visit visit, @RequestParam(name = "consent", required = false) String consent, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        if (!"yes".equals(consent)) {
            // The form again, with the error summary at the top linking to the box; nothing is recorded.
            response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            model.addAttribute("registration", null);
            model.addAttribute("consentMissing", true);
            accessLog.record(visit, Action.REGISTER_CARD_USE, Result.REFUSED);
            return "portal/insurance/registration";
        }
        registrations.register(visit);
        accessLog.record(visit, Action.REGISTER_CARD_USE, Result.OK);
        redirect.addFlashAttribute("notice", "registered");
        return "redirect:/insurance/registration";
    }
}
