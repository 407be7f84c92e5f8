package jp.mynahealth.importer.claims;

/** Receives a claims file's content as it is read: the header first, then each receipt before its drugs. */
public interface ClaimSink {

    void header(ClaimFileHeader header);

    void receipt(ClaimReceipt receipt);

    void drug(ClaimDrug drug);

    /** Called once after the last record of a file that was read whole. */
    default void end() {
    }
}
