package jp.mynahealth.importer;

/**
 * The kinds of file the importer takes, in the order a folder is imported: masters before what
 * refers to them, persons and their qualifications before the claims and checkups matched to them.
 */
public enum FeedKind {
    INSURERS("insurers"),
    INSTITUTIONS("institutions"),
    DRUG_MASTER("drug_master"),
    QUALIFICATIONS("qualifications"),
    CARD_LINKS("card_links"),
    CLAIMS("claims"),
    CHECKUPS("checkups"),
    PROVISIONS("provisions");

    private final String dbName;

    FeedKind(String dbName) {
        this.dbName = dbName;
    }

    /** The name kept in records.import_file and shown in reports. */
    public String dbName() {
        return dbName;
    }
}
