package jp.mynahealth.importer;

/**
 * The kinds of file the importer takes, in the order a folder is imported: masters before what
 * refers to them, persons and their qualifications before the claims and checkups matched to them.
 */
public enum FeedKind {
    INSURERS("insurers"),
    INSTITUTIONS("institutions"),
    DRUG_MASTER("drug_master"),
    PROCEDURE_MASTER("procedure_master"),
    QUALIFICATIONS("qualifications"),
    CARD_LINKS("card_links"),
    CLAIMS("claims", true),
    CHECKUPS("checkups", true),
    E_PRESCRIPTIONS("e_prescriptions"),
    PROVISIONS("provisions"),
    VACCINATIONS("vaccinations");

    private final String dbName;
    private final boolean stagesAhead;

    FeedKind(String dbName) {
        this(dbName, false);
    }

    FeedKind(String dbName, boolean stagesAhead) {
        this.dbName = dbName;
        this.stagesAhead = stagesAhead;
    }

    /**
     * Whether a file of this kind is read, staged, checked and matched before the earlier file of
     * a run has finished, and lets the next file do so while it writes: true for the kinds that
     * write only their own line tables, which no file's staging reads (the masters, qualifications
     * and links they are checked and matched against come from the other kinds, which go alone).
     */
    public boolean stagesAhead() {
        return stagesAhead;
    }

    /** The name kept in records.import_file and shown in reports. */
    public String dbName() {
        return dbName;
    }
}
