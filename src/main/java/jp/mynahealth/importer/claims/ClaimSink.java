package jp.mynahealth.importer.claims;

/**
 * Receives a claims file's content as it is read: the header first, then each receipt before its
 * drugs (調剤) or care acts (医科, 歯科).
 */
public interface ClaimSink {

    void header(ClaimFileHeader header);

    void receipt(ClaimReceipt receipt);

    void drug(ClaimDrug drug);

    /** One day's procedure of a 医科 or 歯科 receipt (an SI record gives one per day it counts). */
    void careAct(ClaimCareAct act);

    /** Called once after the last record of a file that was read whole. */
    default void end() {
    }
}
