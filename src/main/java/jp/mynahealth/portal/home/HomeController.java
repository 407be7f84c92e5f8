package jp.mynahealth.portal.home;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import jakarta.servlet.http.HttpServletRequest;
import jp.mynahealth.portal.kiosk.KioskBrowser;

/** The public front page: what the service is, and where to log in. A kiosk's front page is its start screen. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(HttpServletRequest request) {
        // The idp's and the signer's "back to the portal" links lead here, also on a kiosk.
        return KioskBrowser.isKiosk(request) ? "redirect:/kiosk" : "portal/home/home";
    }
}
