package jp.mynahealth.portal.home;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The public front page: what the service is, and where to log in. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "portal/home/home";
    }
}
