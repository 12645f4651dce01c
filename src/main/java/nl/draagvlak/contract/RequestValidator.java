package nl.draagvlak.contract;

import static nl.draagvlak.contract.RequestLimits.*;

import java.util.ArrayList;
import java.util.List;

/** Checks what JSON binding cannot: required fields and the contract's limits. */
final class RequestValidator {

    private RequestValidator() {
    }

    static List<FieldError> problemsOf(DecisionRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null) {
            errors.add(new FieldError("$", "the body must be a JSON object"));
            return errors;
        }
        InitiativeInput initiative = request.initiative();
        if (initiative == null) {
            errors.add(new FieldError("initiative", "is required"));
        } else {
            if (initiative.kind() == null) {
                errors.add(new FieldError("initiative.kind", "is required"));
            }
            if (initiative.organisationType() == null) {
                errors.add(new FieldError("initiative.organisationType", "is required"));
            }
            if (initiative.name() != null && initiative.name().codePointCount(0, initiative.name().length()) > MAX_INITIATIVE_NAME) {
                errors.add(new FieldError("initiative.name", "must be at most " + MAX_INITIATIVE_NAME + " characters"));
            }
            Integer leadTime = initiative.leadTimeMonths();
            if (leadTime != null && (leadTime < MIN_LEAD_TIME_MONTHS || leadTime > MAX_LEAD_TIME_MONTHS)) {
                errors.add(new FieldError("initiative.leadTimeMonths",
                        "must be an integer from " + MIN_LEAD_TIME_MONTHS + " to " + MAX_LEAD_TIME_MONTHS));
            }
        }
        List<StakeholderInput> stakeholders = request.stakeholders();
        if (stakeholders != null) {
            if (stakeholders.size() > MAX_STAKEHOLDERS) {
                errors.add(new FieldError("stakeholders", "must hold at most " + MAX_STAKEHOLDERS + " entries"));
            }
            for (int i = 0; i < stakeholders.size(); i++) {
                checkStakeholder(stakeholders.get(i), "stakeholders[" + i + "]", errors);
            }
        }
        return errors;
    }

    private static void checkStakeholder(StakeholderInput stakeholder, String path, List<FieldError> errors) {
        if (stakeholder == null) {
            errors.add(new FieldError(path, "must be an object naming its department"));
            return;
        }
        if (stakeholder.department() == null) {
            errors.add(new FieldError(path + ".department", "is required"));
        }
        if (stakeholder.name() != null && stakeholder.name().codePointCount(0, stakeholder.name().length()) > MAX_STAKEHOLDER_NAME) {
            errors.add(new FieldError(path + ".name", "must be at most " + MAX_STAKEHOLDER_NAME + " characters"));
        }
        if (stakeholder.resistance() != null) {
            for (int j = 0; j < stakeholder.resistance().size(); j++) {
                if (stakeholder.resistance().get(j) == null) {
                    errors.add(new FieldError(path + ".resistance[" + j + "]", "must be a resistance type, not null"));
                }
            }
        }
    }
}
