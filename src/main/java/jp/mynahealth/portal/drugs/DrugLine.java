package jp.mynahealth.portal.drugs;

import jp.mynahealth.records.Dispensing;

/**
 * One dispensed drug as the list prints it: quantity with its unit, supply in days or doses, the
 * category's name, and for a brand drug with a cheaper generic the estimated saving (else null).
 */
public record DrugLine(String drugName, boolean generic, String quantity, String usage, String supply, String category,
        String saving) {

    static DrugLine of(Dispensing line, DrugListText text) {
        return new DrugLine(line.drugName(), line.generic(),
                line.quantity().stripTrailingZeros().toPlainString() + " " + line.unit(), line.usage(),
                text.supply(line.category(), line.days()), text.category(line.category()),
                text.saving(line.cheaperGeneric(), line.quantity()));
    }
}
