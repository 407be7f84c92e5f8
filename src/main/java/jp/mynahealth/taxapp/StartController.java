package jp.mynahealth.taxapp;

import java.time.Clock;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The step 「医療費控除の入力」: choose the year, then 「マイナポータル連携で取得」 sends the citizen to
 * the idp to consent (the authorization request with PKCE is made by the security chain).
 */
@Controller
class StartController {

    static final String FETCH = "/fetch";
    /** The year asked for, kept in the session for the trip through the idp. */
    static final String YEAR = StartController.class.getName() + ".year";

    private final Clock clock;
    private final ClientSecret secret;
    private final IdpReachability idp;

    StartController(Clock clock, ClientSecret secret, IdpReachability idp) {
        this.clock = clock;
        this.secret = secret;
        this.idp = idp;
    }

    @GetMapping("/")
    String start(Model model) {
        TaxYearChoice choice = TaxYearChoice.of(clock);
        model.addAttribute("years", choice.years());
        model.addAttribute("selectedYear", choice.defaultYear());
        return "taxapp/start";
    }

    @PostMapping(FETCH)
    String fetch(@RequestParam(name = "year", required = false) Integer year, HttpSession session, Model model,
            HttpServletResponse response) {
        TaxYearChoice choice = TaxYearChoice.of(clock);
        if (!choice.offers(year)) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("years", choice.years());
            model.addAttribute("selectedYear", choice.defaultYear());
            model.addAttribute("yearError", true);
            return "taxapp/start";
        }
        if (secret.read().isEmpty()) {
            throw new FetchFailedException(Failure.NOT_REGISTERED, "no client secret yet (the idp has not registered taxapp-demo)");
        }
        idp.check();
        session.setAttribute(YEAR, year);
        return "redirect:" + TaxAppSecurityConfiguration.AUTHORIZE;
    }
}
