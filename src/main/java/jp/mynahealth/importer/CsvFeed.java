package jp.mynahealth.importer;

/** Our documented CSV feeds (src/docs/importer/feeds.md): each is told by its exact header line. */
public enum CsvFeed {
    INSURERS(FeedKind.INSURERS, "insurer_number,name,kind,prefecture"),
    INSTITUTIONS(FeedKind.INSTITUTIONS, "institution_code,name,kind,prefecture"),
    QUALIFICATIONS(FeedKind.QUALIFICATIONS, "processed_on,event,person_ref,insurer_number,symbol,number,branch,"
            + "relationship,copay_percent,limit_category,effective_on,family_name,given_name,family_name_kana,"
            + "given_name_kana,birth_date,sex,municipality_code"),
    CARD_LINKS(FeedKind.CARD_LINKS, "processed_on,event,issuer,serial_number,person_ref,not_before,not_after"),
    PROVISIONS(FeedKind.PROVISIONS, "provided_at,person_ref,institution_code,data_kind"),
    VACCINATIONS(FeedKind.VACCINATIONS, "recorded_on,municipality_code,record_ref,person_ref,birth_date,vaccine_code,"
            + "dose_number,given_on,lot_number,place");

    private final FeedKind kind;
    private final String header;

    CsvFeed(FeedKind kind, String header) {
        this.kind = kind;
        this.header = header;
    }

    public FeedKind kind() {
        return kind;
    }

    public String header() {
        return header;
    }

    public String[] columns() {
        return header.split(",");
    }
}
