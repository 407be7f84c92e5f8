package jp.mynahealth.portal.kiosk;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import jp.mynahealth.portal.access.Channel;
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
        return CurrentPerson.visit().map(visit -> visit.channel() == Channel.KIOSK).orElse(false);
    }

    @ModelAttribute("kioskSettings")
    KioskProperties kioskSettings() {
        return properties;
    }
}
