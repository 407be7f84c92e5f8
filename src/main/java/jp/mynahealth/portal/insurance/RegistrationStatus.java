package jp.mynahealth.portal.insurance;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

import jp.mynahealth.records.PersonId;

/** Whether and since when a person's card is registered for use as a health insurance card, for other screens. */
@Component
public class RegistrationStatus {

    /** An active registration, as other screens show it. */
    public record Active(Instant registeredAt) {
    }

    private final RegistrationRepository registrations;

    RegistrationStatus(RegistrationRepository registrations) {
        this.registrations = registrations;
    }

    /** A 資格確認書 the portal asked the person's insurer for, when their card-use registration was cancelled. */
    public record CertificateRequested(Instant requestedAt) {
    }

    public Optional<Active> active(PersonId person) {
        return registrations.active(person).map(r -> new Active(r.registeredAt()));
    }

    /**
     * The request the person's latest cancellation made; empty when it asked no insurer (no current
     * qualification), when they never cancelled, or when they have registered again since.
     */
    public Optional<CertificateRequested> certificateRequested(PersonId person) {
        return registrations.latestCancellation(person).filter(Cancellation::certificateRequested)
                .map(c -> new CertificateRequested(c.cancelledAt()));
    }
}
