package jp.mynahealth.importer.claims;

import java.io.IOException;
import java.io.InputStream;
import java.time.YearMonth;

import jp.mynahealth.importer.RefusedFileException;
import jp.mynahealth.importer.claims.ClaimLayout.Header;
import jp.mynahealth.importer.claims.ClaimLayout.MedicalDrug;
import jp.mynahealth.importer.claims.ClaimLayout.Trailer;

/**
 * Reads a レセプト電算処理 claims file (記録条件仕様 医科用, 歯科用 or 調剤用; Shift_JIS, CRLF,
 * comma-separated records named by their first field) and hands its content to a {@link ClaimSink}
 * as it goes, holding no more than one record: a file of any size reads in flat memory.
 *
 * <p>The order the specification sets is checked: the header (IR, or YK for 調剤) first; each
 * receipt is an RE, then its HO and KO records, then the rest; GO last, and a file without it is
 * truncated. Problems are collected (up to 100) and the file is then refused with a
 * {@link RefusedFileException}. Once a problem is found the sink receives nothing more, but it may
 * have received rows before: the caller reads inside a transaction and rolls it back.
 */
public final class ClaimsReader {

    private static final String RECORD_ID = "レコード識別情報";

    private final CrlfLineReader lines;
    private final ClaimSink sink;
    private final Problems problems = new Problems();
    private final RecordFields fields = new RecordFields(problems);
    private ClaimForm form;
    private ReceiptAssembler receipt;
    private DispensingAssembler dispensing;
    private CareActAssembler care;
    private boolean inReceipt;
    private boolean receiptHead;
    private boolean receiptValid;
    private int receipts;
    private long points;
    private boolean ended;

    private ClaimsReader(InputStream in, ClaimSink sink) {
        this.lines = new CrlfLineReader(in, problems);
        this.sink = sink;
    }

    /**
     * Reads the whole file into the sink.
     *
     * @throws RefusedFileException when the file breaks the specification; its problems name the
     *                              line (from 1) and the specification's field
     */
    public static void read(InputStream in, ClaimSink sink) throws IOException {
        new ClaimsReader(in, sink).readAll();
    }

    private void readAll() throws IOException {
        while (lines.next()) {
            if (!lines.usable()) {
                if (form == null) {
                    problems.refuseIfAny();
                }
                continue;
            }
            fields.split(lines.chars(), lines.length(), lines.lineNumber());
            if (form == null) {
                header();
            } else if (ended && (RecordId.IR.equals(fields.id()) || RecordId.YK.equals(fields.id()))) {
                // A payer's delivery joins the files of many institutions: each block is IR/YK … GO.
                problems.refuseIfAny();
                ended = false;
                receipts = 0;
                points = 0;
                inReceipt = false;
                receiptHead = false;
                header();
            } else if (ended) {
                problems.add(fields.line(), RECORD_ID, "診療報酬請求書レコード（GO）の後にレコードがあります",
                        "a record follows the GO record");
            } else {
                body();
            }
        }
        if (form == null) {
            problems.add(0, "", "レコードがありません", "the file holds no records");
        } else if (!ended) {
            problems.add(0, "", "診療報酬請求書レコード（GO）がありません（ファイルが途中で切れています）",
                    "the GO record is missing: the file is truncated");
        }
        problems.refuseIfAny();
        sink.end();
    }

    /** The first record: IR or YK. Nothing else can be read without it, so a wrong one refuses at once. */
    private void header() {
        String id = fields.id();
        boolean pharmacy = RecordId.YK.equals(id);
        if (!pharmacy && !RecordId.IR.equals(id)) {
            problems.add(fields.line(), RECORD_ID, "最初のレコードが医療機関情報（IR）又は薬局情報（YK）レコードではありません",
                    "the first record is neither IR nor YK");
            problems.refuseIfAny();
        }
        if (!fields.hasFields(pharmacy ? Header.YK_FIELDS : Header.IR_FIELDS, pharmacy ? "薬局情報レコード" : "医療機関情報レコード")) {
            problems.refuseIfAny();
        }
        long payer = fields.number(Header.PAYER);
        if (payer == 0 || payer > 2) {
            problems.add(fields.line(), Header.PAYER, "審査支払機関コードは1（社保）又は2（国保）です", "must be 1 (社保) or 2 (国保)");
        }
        String prefecture = fields.code(Header.PREFECTURE, 2);
        if (prefecture != null && (prefecture.compareTo("01") < 0 || prefecture.compareTo("47") > 0)) {
            problems.add(fields.line(), Header.PREFECTURE, "都道府県コード（01〜47）ではありません", "is not a prefecture code (01 to 47)");
        }
        String table = fields.code(Header.TABLE, 1);
        ClaimForm headerForm = table == null ? null : switch (table) {
            case "1", "6" -> pharmacy ? null : ClaimForm.MEDICAL;
            case "3" -> pharmacy ? null : ClaimForm.DENTAL;
            case "4" -> pharmacy ? ClaimForm.PHARMACY : null;
            default -> null;
        };
        if (table != null && headerForm == null) {
            problems.add(fields.line(), Header.TABLE, "レコード（" + id + "）に合う点数表ではありません",
                    "does not match the " + id + " record (IR: 1 医科 or 3 歯科, YK: 4 調剤)");
        }
        String code = fields.code(pharmacy ? Header.YK_CODE : Header.CODE, 7);
        String name = fields.text(pharmacy ? Header.YK_NAME : Header.IR_NAME);
        YearMonth claimMonth = fields.month(pharmacy ? Header.YK_CLAIM_MONTH : Header.IR_CLAIM_MONTH);
        fields.code(pharmacy ? Header.YK_VOLUME : Header.IR_VOLUME, 2);
        problems.refuseIfAny();
        form = headerForm;
        receipt = new ReceiptAssembler(form, claimMonth, problems);
        dispensing = new DispensingAssembler(problems);
        care = new CareActAssembler(problems);
        sink.header(new ClaimFileHeader(form, prefecture + table + code, name, claimMonth));
    }

    private void body() {
        String id = fields.id();
        switch (id) {
            case RecordId.RE -> {
                closeReceipt();
                receipt.start(fields);
                dispensing.reset();
                care.reset();
                inReceipt = true;
                receiptHead = true;
                receipts++;
                if (receipt.number() > 0 && receipt.number() != receipts) {
                    problems.add(fields.line(), ClaimLayout.Receipt.NUMBER, "1から記録順の連続番号になっていません（" + receipts + "のはず）",
                            "is not the next number in order (expected " + receipts + ")");
                }
            }
            case RecordId.HO, RecordId.KO -> {
                if (!inReceipt || !receiptHead) {
                    problems.add(fields.line(), RECORD_ID, id + "レコードはレセプト共通レコード（RE）の直後に記録します",
                            "an " + id + " record must directly follow its RE record");
                } else if (id.equals(RecordId.HO)) {
                    receipt.insurer(fields);
                } else {
                    receipt.publicExpense(fields);
                }
            }
            case RecordId.GO -> {
                closeReceipt();
                trailer();
            }
            case RecordId.IR, RecordId.YK -> problems.add(fields.line(), RECORD_ID,
                    id + "レコードはファイルの先頭に1件だけ記録します", "an " + id + " record may only be the first record");
            case "" -> problems.add(fields.line(), RECORD_ID, "レコード識別情報が正しくありません", "the record id is not valid");
            default -> bodyRecord(id);
        }
    }

    /** A record inside a receipt after its HO and KO: the receipt is complete and goes to the sink first. */
    private void bodyRecord(String id) {
        if (!inReceipt) {
            problems.add(fields.line(), RECORD_ID, id.equals(RecordId.OTHER) ? "レセプト共通レコード（RE）より前のレコードです"
                    : id + "レコードがレセプト共通レコード（RE）より前にあります", "the record comes before any RE record");
            return;
        }
        if (receiptHead) {
            receiptHead = false;
            emitReceipt();
        }
        if (form == ClaimForm.PHARMACY) {
            switch (id) {
                case RecordId.SH -> dispensing.prescription(fields);
                case RecordId.CZ -> dispensing.dispensing(fields, receipt.month());
                case RecordId.IY -> {
                    ClaimDrug drug = dispensing.drug(fields, receipt.number(), receipt.prescriber());
                    if (drug != null && receiptValid && !problems.any()) {
                        sink.drug(drug);
                    }
                }
                default -> {
                }
            }
        } else {
            switch (id) {
                case RecordId.SI -> care.read(fields, receipt.number(), receipt.month(),
                        receiptValid && !problems.any() ? sink : null);
                case RecordId.IY -> {
                    if (fields.hasFields(MedicalDrug.FIELDS, "医薬品レコード")) {
                        care.carryClass(fields);
                        fields.code(MedicalDrug.DRUG, 9);
                        if (fields.present(MedicalDrug.AMOUNT)) {
                            fields.decimal(MedicalDrug.AMOUNT, 5, 5);
                        }
                    }
                }
                case RecordId.TO, RecordId.CO -> care.carryClass(fields);
                default -> {
                }
            }
        }
    }

    private void closeReceipt() {
        if (inReceipt && receiptHead) {
            emitReceipt();
        }
        inReceipt = false;
        receiptHead = false;
    }

    private void emitReceipt() {
        ClaimReceipt complete = receipt.finish();
        receiptValid = complete != null;
        if (complete != null) {
            points += complete.totalPoints();
            if (!problems.any()) {
                sink.receipt(complete);
            }
        }
    }

    private void trailer() {
        ended = true;
        if (!fields.hasFields(Trailer.FIELDS, "診療報酬請求書レコード")) {
            return;
        }
        long count = fields.number(Trailer.COUNT);
        long total = fields.number(Trailer.POINTS);
        String volume = fields.code(Trailer.VOLUME, 2);
        if (count >= 0 && count != receipts) {
            problems.add(fields.line(), Trailer.COUNT, "レセプトの件数（" + receipts + "）と一致しません",
                    "does not match the " + receipts + " receipts of the file");
        }
        if (total >= 0 && !problems.any() && total != points) {
            problems.add(fields.line(), Trailer.POINTS, "レセプトの合計点数の合計（" + points + "）と一致しません",
                    "does not match the sum of the receipts' points (" + points + ")");
        }
        if (volume != null && !volume.equals(Trailer.LAST_VOLUME)) {
            problems.add(fields.line(), Trailer.VOLUME, "複数ボリュームのファイルは受け付けません（99のみ）",
                    "multi-volume files are not accepted (only 99)");
        }
    }
}
