package jp.mynahealth.idp.login;

import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import jp.mynahealth.idp.IdpProperties;
import jp.mynahealth.idp.apps.AppRegistry;
import jp.mynahealth.idp.card.CardAuthenticationFilter;
import jp.mynahealth.idp.card.PairLoginFilter;
import jp.mynahealth.idp.card.CardChallengeStore;
import jp.mynahealth.idp.card.CardLoginFailureHandler;
import jp.mynahealth.idp.card.LoginFailure;

/** The card login page, the page after a cancel in the signer, and the pages of refused logins. */
@Controller
class LoginController {

    private final CardChallengeStore challenges;
    private final IdpProperties properties;
    private final AppRegistry apps;

    LoginController(CardChallengeStore challenges, IdpProperties properties, AppRegistry apps) {
        this.challenges = challenges;
        this.properties = properties;
        this.apps = apps;
    }

    /** A fresh challenge each time the page is shown, and a plain link to the local signer with it. */
    @GetMapping("/login")
    String login(HttpSession session, Locale locale, Model model, HttpServletRequest request, HttpServletResponse response) {
        String binding = (String) session.getAttribute(CardAuthenticationFilter.BINDING_ATTRIBUTE);
        if (binding == null) {
            binding = challenges.newBinding();
            session.setAttribute(CardAuthenticationFilter.BINDING_ATTRIBUTE, binding);
        }
        // A parent registering for a child: the waiting authorization request asks for both cards in one login.
        SavedRequest waiting = new HttpSessionRequestCache().getRequest(request, response);
        String[] pairs = waiting == null ? null : waiting.getParameterValues(PairLoginFilter.PARAMETER);
        String pair = pairs != null && pairs.length == 1 && PairLoginFilter.CHILD.equals(pairs[0]) ? PairLoginFilter.CHILD : null;
        String challenge = challenges.issue(binding, pair);
        UriComponentsBuilder link = UriComponentsBuilder.fromUriString(properties.signerUrl())
                .path("/v1/authenticate")
                .queryParam("challenge", challenge)
                .queryParam("origin", properties.url())
                .queryParam("return_to", properties.url() + CardAuthenticationFilter.CALLBACK)
                .queryParam("lang", "en".equals(locale.getLanguage()) ? "en" : "ja");
        if (pair != null) {
            link.queryParam("pair", pair);
        }
        model.addAttribute("signerLink", link.encode().build().toUriString());
        model.addAttribute("pair", pair != null);
        // A login for an app the citizen is connecting: the page names it, as everywhere a citizen sees an app.
        String[] clients = waiting == null ? null : waiting.getParameterValues("client_id");
        if (clients != null && clients.length == 1) {
            apps.find(clients[0]).ifPresent(app -> model.addAttribute("app", app));
        }
        model.addAttribute("portalUrl", properties.portalUrl() + "/");
        response.setHeader("Cache-Control", "no-store");
        return "idp/login/login";
    }

    @GetMapping(CardAuthenticationFilter.CALLBACK)
    String cancelled(@RequestParam(name = "error", required = false) String error, Model model,
            HttpServletResponse response) {
        model.addAttribute("portalUrl", properties.portalUrl() + "/");
        response.setHeader("Cache-Control", "no-store");
        if (!"cancelled".equals(error)) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("failure", LoginFailure.TRY_AGAIN);
            return "idp/login/failed";
        }
        return "idp/login/cancelled";
    }

    /** Reached only by the failure handler's forward, which sets the failure and so the status. */
    @RequestMapping(CardLoginFailureHandler.FAILURE_PAGE)
    String failed(HttpServletRequest request, HttpServletResponse response, Model model) {
        Object attribute = request.getAttribute(CardLoginFailureHandler.FAILURE_ATTRIBUTE);
        LoginFailure failure = attribute instanceof LoginFailure known ? known : LoginFailure.TRY_AGAIN;
        response.setStatus(failure.status().value());
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("failure", failure);
        model.addAttribute("portalUrl", properties.portalUrl() + "/");
        return "idp/login/failed";
    }
}
