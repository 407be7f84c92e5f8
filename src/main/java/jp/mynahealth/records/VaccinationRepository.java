package jp.mynahealth.records;

import java.time.LocalDate;
import java.util.List;

import jp.mynahealth.common.database.ReadStore;
import org.springframework.stereotype.Repository;

/** A person's routine vaccinations (予防接種), newest first: a child has some thirty, an adult a few. */
@Repository
public class VaccinationRepository {

    private final ReadStore store;

    VaccinationRepository(ReadStore store) {
        this.store = store;
    }

    public List<Vaccination> ofPerson(PersonId person) {
        return store.jdbc().sql("""
                select v.given_on, v.vaccine_code, c.name, v.dose_number, v.place, v.lot_number
                from records.vaccination v
                join records.vaccine c on c.vaccine_code = v.vaccine_code
                where v.person_id = :person
                order by v.given_on desc, v.vaccination_id desc
                """)
                .param("person", person.value())
                .query((row, n) -> new Vaccination(row.getObject("given_on", LocalDate.class), row.getString("vaccine_code"),
                        row.getString("name"), row.getInt("dose_number"), row.getString("place"), row.getString("lot_number")))
                .list();
    }
}
