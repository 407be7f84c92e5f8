package jp.mynahealth.portal.notices;

import java.time.LocalDate;
import java.util.List;

import org.springframework.stereotype.Component;

import jp.mynahealth.common.ClockConfiguration;
import jp.mynahealth.portal.insurance.RegistrationStatus;

/**
 * A 資格確認書 was asked for when the person cancelled their card-use registration. The insurer sends
 * it by post within a few weeks; after {@link #SHOWN_FOR_DAYS} days the notice has done its work and
 * goes, while the registration pages keep saying what was done.
 */
@Component
class CertificateRequestNotices implements NoticeSource {

    static final int SHOWN_FOR_DAYS = 90;

    private final RegistrationStatus registrations;

    CertificateRequestNotices(RegistrationStatus registrations) {
        this.registrations = registrations;
    }

    @Override
    public List<Notice> notices(NoticeContext context) {
        return registrations.certificateRequested(context.person().id()).stream()
                .filter(request -> !context.today().isAfter(day(request).plusDays(SHOWN_FOR_DAYS)))
                .map(request -> new Notice("eligibility-certificate:" + request.requestedAt().getEpochSecond(), day(request),
                        "notices.certificate.title", "notices.certificate.text", List.of(day(request)),
                        "/insurance/registration/cancelled", "notices.action.registration"))
                .toList();
    }

    private static LocalDate day(RegistrationStatus.CertificateRequested request) {
        return request.requestedAt().atZone(ClockConfiguration.JAPAN).toLocalDate();
    }
}
