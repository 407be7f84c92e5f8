package jp.mynahealth.records;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Looks up which citizen a card certificate (issuer DN and serial number) belongs to. */
@Repository
public class CardLinkRepository {

    private final JdbcClient jdbc;

    CardLinkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CardLink> find(String issuerDn, BigInteger serialNumber) {
        return jdbc.sql("""
                select person_id, status = 'active' as active
                from records.card_certificate
                where issuer = :issuer and serial_number = :serial
                """)
                .param("issuer", issuerDn)
                .param("serial", new BigDecimal(serialNumber))
                .query((row, n) -> new CardLink(new PersonId(row.getObject("person_id", UUID.class)), row.getBoolean("active")))
                .optional();
    }
}
