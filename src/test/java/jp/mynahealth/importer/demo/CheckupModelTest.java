package jp.mynahealth.importer.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import jp.mynahealth.importer.demo.CheckupModel.Measurements;

class CheckupModelTest {

    private static Measurements man(int age, double waist, double systolic, double triglycerides, double glucose,
            boolean medication, boolean smoker) {
        return new Measurements(true, age, 170, 70, waist, systolic, 80, triglycerides, 55, 110, 20, 20, 30, glucose,
                5.4, 0.9, 0, 0, medication, false, false, smoker);
    }

    @Test
    void waistAndTwoRisksMeetTheMetabolicCriteriaAndNeedActiveSupport() {
        var judgement = CheckupModel.judge(man(50, 90, 135, 160, 95, false, false));
        assertThat(judgement.metabolic()).isEqualTo(1);
        assertThat(judgement.guidanceLevel()).isEqualTo(1);
    }

    @Test
    void waistAndOneRiskIsTheReserveGroupWithMotivationalSupport() {
        var judgement = CheckupModel.judge(man(50, 90, 135, 100, 95, false, false));
        assertThat(judgement.metabolic()).isEqualTo(2);
        assertThat(judgement.guidanceLevel()).isEqualTo(2);
    }

    @Test
    void smokingCountsAsARiskOnlyWithAnotherOne() {
        assertThat(CheckupModel.judge(man(50, 90, 135, 100, 95, false, true)).guidanceLevel()).isEqualTo(1);
        assertThat(CheckupModel.judge(man(50, 90, 120, 100, 95, false, true)).guidanceLevel()).isEqualTo(3);
    }

    @Test
    void peopleOnMedicationAreNotOfferedGuidanceAndOlderPeopleGetMotivationalAtMost() {
        assertThat(CheckupModel.judge(man(50, 90, 135, 160, 95, true, false)).guidanceLevel()).isEqualTo(3);
        assertThat(CheckupModel.judge(man(68, 90, 135, 160, 95, false, false)).guidanceLevel()).isEqualTo(2);
    }

    @Test
    void aSlimWaistIsNotMetabolicWhateverTheRisks() {
        assertThat(CheckupModel.judge(man(50, 80, 150, 200, 130, false, false)).metabolic()).isEqualTo(3);
    }

    @Test
    void resultsCarryFlagsOutsideTheReferenceRange() {
        var rows = CheckupModel.results(java.util.UUID.randomUUID(), java.util.UUID.randomUUID(),
                man(50, 90, 135, 20, 95, false, false), false);
        assertThat(rows).filteredOn(r -> r.itemCode().equals(CheckupModel.SYSTOLIC)).singleElement()
                .satisfies(r -> assertThat(r.flag()).isEqualTo("H"));
        assertThat(rows).filteredOn(r -> r.itemCode().equals(CheckupModel.TRIGLYCERIDES)).singleElement()
                .satisfies(r -> assertThat(r.flag()).isEqualTo("L"));
        assertThat(rows).filteredOn(r -> r.itemCode().equals(CheckupModel.HDL)).singleElement()
                .satisfies(r -> assertThat(r.flag()).isNull());
        assertThat(rows).extracting(DemoRows.CheckupResultRow::itemCode).allMatch(code -> code.length() == 17);
    }
}
