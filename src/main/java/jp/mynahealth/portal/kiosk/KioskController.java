package jp.mynahealth.portal.kiosk;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import jakarta.servlet.http.HttpServletResponse;
import jp.mynahealth.portal.access.Visit;
import jp.mynahealth.portal.security.CurrentPerson;

/**
 * The kiosk's start screen ("カードを置いてください"), where every kiosk session begins and ends,
 * and the keep-alive the kiosk page sends while the citizen is using it.
 */
@Controller
class KioskController {

    private final boolean secureCookies;

    KioskController(@Value("${server.servlet.session.cookie.secure:false}") boolean secureCookies) {
        this.secureCookies = secureCookies;
    }

    @GetMapping("/kiosk")
    String start(HttpServletResponse response, org.springframework.ui.Model model) {
        if (CurrentPerson.visit().isPresent()) {
            return "redirect:/dashboard";
        }
        KioskBrowser.mark(response, secureCookies);
        response.setHeader("Cache-Control", "no-store");
        model.addAttribute("kioskScreen", true);
        return "portal/kiosk/start";
    }

    /** Input on the page means the citizen is still there: the server-side idle limit starts again. */
    @GetMapping("/kiosk/alive")
    ResponseEntity<Void> alive(Visit visit) {
        return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
    }
}
