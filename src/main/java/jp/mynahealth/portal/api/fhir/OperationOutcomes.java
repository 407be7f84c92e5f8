package jp.mynahealth.portal.api.fhir;

import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/** The body of every error of the FHIR API: one issue, its severity and type, and what was wrong in words. */
public final class OperationOutcomes {

    private OperationOutcomes() {
    }

    public static OperationOutcome of(IssueSeverity severity, IssueType type, String diagnostics) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(severity).setCode(type).setDiagnostics(diagnostics);
        return outcome;
    }
}
