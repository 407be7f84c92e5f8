package jp.mynahealth.portal.home;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import jakarta.servlet.http.HttpServletRequest;
import jp.mynahealth.portal.kiosk.KioskBrowser;
import jp.mynahealth.portal.security.CurrentPerson;

/**
 * The public front page: what the service is, and where to log in. A logged-in citizen's front page
 * is their dashboard, a kiosk's is its start screen.
 */
@Controller
class HomeController {

    @GetMapping("/")
    String home(HttpServletRequest request) {
        // The header's site name leads here from every page: inviting someone already logged in to log in would be wrong.
        if (CurrentPerson.visit().isPresent()) {
            return "redirect:/dashboard";
        }
        // The idp's and the signer's "back to the portal" links lead here, also on a kiosk.
        return KioskBrowser.isKiosk(request) ? "redirect:/kiosk" : "portal/home/home";
    }
}
