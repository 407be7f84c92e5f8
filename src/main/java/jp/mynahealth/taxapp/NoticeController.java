package jp.mynahealth.taxapp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Back from the idp: the security chain has exchanged the code for a token (or redirected here
 * with the idp's error). The notice is fetched once with it, verified, shown, and the token
 * forgotten at once: this app keeps no access to the citizen's data.
 */
@Controller
class NoticeController {

    static final String NOTICE = "/notice";
    private static final Logger log = LoggerFactory.getLogger(NoticeController.class);

    private final OAuth2AuthorizedClientRepository authorizedClients;
    private final TaxNoticeApi api;
    private final SignedNoticeVerifier verifier;

    NoticeController(OAuth2AuthorizedClientRepository authorizedClients, TaxNoticeApi api, SignedNoticeVerifier verifier) {
        this.authorizedClients = authorizedClients;
        this.api = api;
        this.verifier = verifier;
    }

    /**
     * Reached only after the security chain handled the idp's answer: on success it redirects here
     * without parameters, on an error with {@code error} (access_denied when the citizen declined).
     */
    @GetMapping(MynaClientRegistrations.REDIRECT_PATH)
    String back(@RequestParam(name = "error", required = false) String error) {
        if ("access_denied".equals(error)) {
            throw new FetchFailedException(Failure.DECLINED, "the citizen did not consent at the idp");
        }
        if (error != null) {
            throw new FetchFailedException(Failure.IDP_UNAVAILABLE, "the authorization failed: " + error);
        }
        return "redirect:" + NOTICE;
    }

    @GetMapping(NOTICE)
    String notice(HttpServletRequest request, HttpServletResponse response, HttpSession session, Model model) {
        Authentication principal = SecurityContextHolder.getContext().getAuthentication();
        OAuth2AuthorizedClient client = authorizedClients.loadAuthorizedClient(MynaClientRegistrations.REGISTRATION_ID,
                principal, request);
        Integer year = (Integer) session.getAttribute(StartController.YEAR);
        try {
            if (client == null || year == null) {
                throw new FetchFailedException(Failure.EXPIRED, "no token or no year in the session");
            }
            byte[] xml = api.fetch(year, client.getAccessToken().getTokenValue());
            MedicalExpenseNotice notice = MedicalExpenseNotice.of(verifier.verify(xml));
            if (notice.year() != year) {
                throw new MedicalExpenseNotice.NoticeContentException("asked for " + year + ", got " + notice.year());
            }
            log.info("Fetched and verified a medical cost notice for {} ({} lines)", year, notice.count());
            model.addAttribute("notice", notice);
            return "taxapp/notice";
        } finally {
            if (client != null) {
                authorizedClients.removeAuthorizedClient(MynaClientRegistrations.REGISTRATION_ID, principal, request, response);
            }
            session.removeAttribute(StartController.YEAR);
        }
    }
}
