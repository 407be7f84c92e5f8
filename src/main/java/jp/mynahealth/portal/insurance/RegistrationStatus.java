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

    public Optional<Active> active(PersonId person) {
        return registrations.active(person).map(r -> new Active(r.registeredAt()));
    }
}
