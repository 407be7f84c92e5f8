package jp.mynahealth.portal.kiosk;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import jp.mynahealth.portal.security.CurrentPerson;

/** Tells every page whether it is shown in a kiosk session, and with which timings, for the layout. */
@ControllerAdvice
@EnableConfigurationProperties(KioskProperties.class)
class KioskAdvice {

    private final KioskProperties properties;

    KioskAdvice(KioskProperties properties) {
        this.properties = properties;
    }

    @ModelAttribute("kiosk")
    boolean kiosk() {
        return CurrentPerson.isKiosk(SecurityContextHolder.getContext().getAuthentication());
    }

    @ModelAttribute("kioskSettings")
    KioskProperties kioskSettings() {
        return properties;
    }
}
