package jp.mynahealth.importer.demo;

import java.util.ArrayList;
import java.util.List;

import jp.mynahealth.importer.demo.DemoRows.CheckupResultRow;
import jp.mynahealth.importer.demo.DemoRows.CheckupRow;
import jp.mynahealth.importer.demo.DemoRows.CostNoticeRow;
import jp.mynahealth.importer.demo.DemoRows.DispensingRow;
import jp.mynahealth.importer.demo.DemoRows.PersonRow;
import jp.mynahealth.importer.demo.DemoRows.QualificationRow;

/** Keeps every generated row in memory, in the order it was produced. */
final class RecordingSink implements DemoRows.Sink {

    final List<Object> all = new ArrayList<>();
    final List<PersonRow> persons = new ArrayList<>();
    final List<QualificationRow> qualifications = new ArrayList<>();
    final List<DispensingRow> dispensings = new ArrayList<>();
    final List<CheckupRow> checkups = new ArrayList<>();
    final List<CheckupResultRow> results = new ArrayList<>();
    final List<CostNoticeRow> notices = new ArrayList<>();
    final List<DemoRows.ProvisionRow> provisions = new ArrayList<>();
    final List<DemoRows.VaccinationRow> vaccinations = new ArrayList<>();
    final List<DemoRows.EPrescriptionRow> ePrescriptions = new ArrayList<>();

    @Override
    public void person(PersonRow row) {
        all.add(row);
        persons.add(row);
    }

    @Override
    public void qualification(QualificationRow row) {
        all.add(row);
        qualifications.add(row);
    }

    @Override
    public void dispensing(DispensingRow row) {
        all.add(row);
        dispensings.add(row);
    }

    @Override
    public void checkup(CheckupRow row) {
        all.add(row);
        checkups.add(row);
    }

    @Override
    public void checkupResult(CheckupResultRow row) {
        all.add(row);
        results.add(row);
    }

    @Override
    public void costNotice(CostNoticeRow row) {
        all.add(row);
        notices.add(row);
    }

    @Override
    public void provision(DemoRows.ProvisionRow row) {
        all.add(row);
        provisions.add(row);
    }

    @Override
    public void vaccination(DemoRows.VaccinationRow row) {
        all.add(row);
        vaccinations.add(row);
    }

    @Override
    public void ePrescription(DemoRows.EPrescriptionRow row) {
        all.add(row);
        ePrescriptions.add(row);
    }
}
