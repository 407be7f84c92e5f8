package jp.mynahealth.portal.apps;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jp.mynahealth.portal.access.AccessLog;
import jp.mynahealth.portal.access.AccessLog.Action;
import jp.mynahealth.portal.access.AccessLog.Result;
import jp.mynahealth.portal.access.Visit;
import jp.mynahealth.records.PersonId;

/**
 * 連携中のアプリ: the apps that may read the citizen's data (what, until when, when they last read),
 * and those they connected as someone's proxy; 連携を解除する ends one at once.
 */
@Controller
class ConnectedAppsController {

    private final ConnectedAppRepository apps;
    private final AccessLog accessLog;

    ConnectedAppsController(ConnectedAppRepository apps, AccessLog accessLog) {
        this.apps = apps;
        this.accessLog = accessLog;
    }

    @GetMapping("/apps")
    String list(Visit visit, Model model) {
        model.addAttribute("mine", apps.readingMyData(visit.person()));
        model.addAttribute("asProxy", apps.connectedAsProxy(visit.person()));
        accessLog.record(visit, Action.VIEW_APPS, Result.OK);
        return "portal/apps/apps";
    }

    /** Ends the consent: its tokens read nothing from the app's next call. Logged on the chain of the person whose data it was. */
    @PostMapping("/apps/{consent}/disconnect")
    @Transactional
    String disconnect(Visit visit, @PathVariable("consent") long consentId, RedirectAttributes redirect) {
        PersonId whose = apps.endable(consentId, visit.person()).orElse(null);
        if (whose == null) {
            accessLog.record(visit, Action.DISCONNECT_APP, Result.NOT_FOUND);
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        boolean byProxy = !whose.equals(visit.person());
        apps.end(consentId, whose, byProxy);
        accessLog.record(byProxy ? visit.actingFor(whose) : visit, Action.DISCONNECT_APP, Result.OK);
        redirect.addFlashAttribute("appsNotice", "disconnected");
        return "redirect:/apps";
    }
}
