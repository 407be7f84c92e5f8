package jp.mynahealth.importer.claims;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

import jp.mynahealth.importer.claims.ClaimLayout.CareAct;
import jp.mynahealth.importer.claims.ClaimLayout.Dispensing;
import jp.mynahealth.importer.claims.ClaimLayout.Header;
import jp.mynahealth.importer.claims.ClaimLayout.Insurer;
import jp.mynahealth.importer.claims.ClaimLayout.PublicExpense;
import jp.mynahealth.importer.claims.ClaimLayout.Receipt;
import jp.mynahealth.importer.claims.ClaimLayout.Trailer;

/**
 * Writes a claims file that {@link ClaimsReader} reads back to the same receipts and drugs: the
 * header on construction, one RE (with HO, KO, for 調剤 SH, CZ and IY records, for 医科 and 歯科 SI records) per
 * {@link #receipt}, and the GO trailer with the totals on {@link #close()}. Streaming, with one
 * reused buffer: it serves the demo generator's millions of receipts as well as test fixtures.
 *
 * <p>Receipts are numbered 1, 2, 3 … in the order written (the specification requires it), whatever
 * the {@code receiptNumber} passed in; record numbers are positions the reader assigns. {@link #close()}
 * flushes but does not close the stream, so a caller can write several files into one archive.
 * Values the format cannot carry are refused with an {@link IllegalArgumentException}; see
 * src/docs/importer/claims.md for what is written where.
 */
public final class ClaimsWriter implements Closeable {

    /** 公費負担者番号 written on a KO record: the receipt model does not carry the real one. */
    static final String UNKNOWN_PUBLIC_PAYER = "00000000";

    private static final int MAX_RECEIPTS = 999_999;
    private static final int MAX_PRESCRIPTIONS = 99;

    private final RecordEncoder record;
    private final ClaimFileHeader header;
    private int receipts;
    private long points;
    private boolean closed;

    public ClaimsWriter(OutputStream out, ClaimFileHeader header) throws IOException {
        this.record = new RecordEncoder(Objects.requireNonNull(out));
        this.header = Objects.requireNonNull(header);
        writeHeader();
    }

    /**
     * Writes one receipt; {@code drugs} only for a 調剤 file, in the order dispensed.
     *
     * @return the レセプト番号 the receipt was written under
     */
    public int receipt(ClaimReceipt r, List<ClaimDrug> drugs) throws IOException {
        return receipt(r, drugs, List.of());
    }

    /**
     * Writes one receipt with its drugs (調剤 only) and its care acts (医科 and 歯科 only): one SI
     * record per procedure and 診療識別, its days in the 算定日情報, in the order first done.
     *
     * @return the レセプト番号 the receipt was written under
     */
    public int receipt(ClaimReceipt r, List<ClaimDrug> drugs, List<ClaimCareAct> acts) throws IOException {
        if (closed) {
            throw new IllegalStateException("the claims file is already closed");
        }
        if (receipts == MAX_RECEIPTS) {
            throw new IllegalStateException("a claims file holds at most " + MAX_RECEIPTS + " receipts (レセプト番号 has 6 digits)");
        }
        boolean pharmacy = header.form() == ClaimForm.PHARMACY;
        if (!pharmacy && drugs != null && !drugs.isEmpty()) {
            throw new IllegalArgumentException("drugs are written only in a 調剤 file");
        }
        if (pharmacy && acts != null && !acts.isEmpty()) {
            throw new IllegalArgumentException("care acts are written only in a 医科 or 歯科 file");
        }
        List<ClaimDrug> dispensed = drugs == null ? List.of() : drugs;
        int number = receipts + 1;
        boolean insured = r.insurerNumber() != null;
        int publics = insured ? (r.publicShareYen() > 0 ? 1 : 0) : 1;
        if (!insured && r.patientShareYen() != 0) {
            throw new IllegalArgumentException("a receipt without an insurer (公費単独) has no patient share on an HO record");
        }
        writeReceipt(r, number, kind(r.category(), insured, publics), prescriber(dispensed));
        if (insured) {
            writeInsurer(r);
        }
        if (publics == 1) {
            writePublicExpense(r);
        }
        writeDrugs(r, dispensed);
        writeCareActs(r, acts == null ? List.of() : acts);
        receipts = number;
        points += r.totalPoints();
        return number;
    }

    /** Writes the GO trailer and flushes; the stream stays open. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        record.begin(RecordId.GO, Trailer.FIELDS);
        record.put(Trailer.COUNT, receipts);
        record.put(Trailer.POINTS, points);
        record.put(Trailer.VOLUME, Trailer.LAST_VOLUME);
        record.end();
        record.flush();
    }

    private void writeHeader() throws IOException {
        String code = header.institutionCode();
        if (code == null || code.length() != 10 || !ReceiptAssembler.isDigits(code)
                || (code.charAt(2) != header.form().tableDigit()
                        && !(header.form() == ClaimForm.MEDICAL && code.charAt(2) == ClaimForm.VISITING_NURSING_TABLE))) {
            throw new IllegalArgumentException("institution code " + code + " is not 10 digits with 点数表 "
                    + header.form().tableDigit() + " for " + header.form());
        }
        boolean pharmacy = header.form() == ClaimForm.PHARMACY;
        record.begin(pharmacy ? RecordId.YK : RecordId.IR, pharmacy ? Header.YK_FIELDS : Header.IR_FIELDS);
        // 審査支払機関: 国保 files go to the 国保連 (2); the header does not say, so 社保 (1) it is.
        record.put(Header.PAYER, "1");
        record.put(Header.PREFECTURE, code.substring(0, 2));
        record.put(Header.TABLE, code.substring(2, 3));
        record.put(pharmacy ? Header.YK_CODE : Header.CODE, code.substring(3));
        record.put(pharmacy ? Header.YK_NAME : Header.IR_NAME, header.institutionName());
        record.put(pharmacy ? Header.YK_CLAIM_MONTH : Header.IR_CLAIM_MONTH, Wareki.format(header.claimMonth()));
        record.put(pharmacy ? Header.YK_VOLUME : Header.IR_VOLUME, "00");
        record.end();
    }

    /**
     * The レセプト種別: form digit, 1 医保 or 2 公費 only, number of payers, and 本人 入院 (1) or
     * 外来 (2) since the receipt does not say whether the person is 本人 or 家族.
     */
    private String kind(String category, boolean insured, int publics) {
        char table = switch (header.form()) {
            case MEDICAL -> switch (Objects.requireNonNull(category, "category")) {
                case "入院", "外来" -> '1';
                case "訪問看護" -> '6';
                default -> throw new IllegalArgumentException("a 医科 file has no " + category + " receipts");
            };
            case DENTAL -> require(category, "歯科", '3');
            case PHARMACY -> require(category, "調剤", '4');
        };
        int payers = insured ? 1 + publics : publics;
        char setting = "入院".equals(category) ? '1' : '2';
        return new String(new char[] { table, insured ? '1' : '2', (char) ('0' + payers), setting });
    }

    private static char require(String category, String expected, char table) {
        if (!expected.equals(category)) {
            throw new IllegalArgumentException("a " + expected + " file has no " + category + " receipts");
        }
        return table;
    }

    private void writeReceipt(ClaimReceipt r, int number, String kind, String prescriber) throws IOException {
        boolean pharmacy = header.form() == ClaimForm.PHARMACY;
        if (r.serviceMonth().isAfter(header.claimMonth())) {
            throw new IllegalArgumentException("service month " + r.serviceMonth() + " is after the claim month");
        }
        if (r.sex() != 1 && r.sex() != 2) {
            throw new IllegalArgumentException("男女区分 must be 1 or 2, not " + r.sex());
        }
        record.begin(RecordId.RE, pharmacy ? Receipt.PHARMACY_FIELDS : Receipt.MEDICAL_FIELDS);
        record.put(Receipt.NUMBER, number);
        record.put(Receipt.KIND, kind);
        record.put(pharmacy ? Receipt.PHARMACY_MONTH : Receipt.MONTH, Wareki.format(r.serviceMonth()));
        record.put(Receipt.NAME, r.name());
        record.put(Receipt.SEX, r.sex());
        record.put(Receipt.BIRTH, Wareki.format(r.birthDate()));
        record.put(pharmacy ? Receipt.PHARMACY_CLAIM_INFO : Receipt.MEDICAL_CLAIM_INFO,
                r.cancelled() ? Receipt.CANCELLATION : null);
        if (prescriber != null) {
            record.put(Receipt.PRESCRIBER_PREFECTURE, prescriber.substring(0, 2));
            record.put(Receipt.PRESCRIBER_TABLE, prescriber.substring(2, 3));
            record.put(Receipt.PRESCRIBER_CODE, prescriber.substring(3));
        }
        record.end();
    }

    private void writeInsurer(ClaimReceipt r) throws IOException {
        boolean pharmacy = header.form() == ClaimForm.PHARMACY;
        String insurer = r.insurerNumber();
        if (!ReceiptAssembler.isDigits(insurer) || (insurer.length() != 6 && insurer.length() != 8)) {
            throw new IllegalArgumentException("保険者番号 must be 8 digits (6 for 国保): " + insurer);
        }
        record.begin(RecordId.HO, pharmacy ? Insurer.PHARMACY_FIELDS + 1 : Insurer.MEDICAL_FIELDS + 1);
        // 8桁以内で設定された保険者番号は右づめ、残りはスペース.
        record.put(Insurer.NUMBER, insurer.length() == 8 ? insurer : "  " + insurer);
        record.put(Insurer.SYMBOL, r.symbol());
        record.put(Insurer.CARD_NUMBER, r.number());
        if (r.symbol() != null && ShiftJis.byteLength(r.symbol()) + ShiftJis.byteLength(r.number()) > 38) {
            throw new IllegalArgumentException("記号 and 番号 together exceed 38 bytes: " + r.symbol() + " " + r.number());
        }
        record.put(pharmacy ? Insurer.PHARMACY_DAYS : Insurer.DAYS, r.days());
        record.put(Insurer.POINTS, r.totalPoints());
        record.put(pharmacy ? Insurer.PHARMACY_PATIENT_SHARE : Insurer.MEDICAL_PATIENT_SHARE, r.patientShareYen());
        if (r.branch() != null && r.branch().length() != 2) {
            throw new IllegalArgumentException("枝番 must be 2 digits: " + r.branch());
        }
        record.put(pharmacy ? Insurer.PHARMACY_BRANCH : Insurer.MEDICAL_BRANCH, r.branch());
        record.end();
    }

    private void writePublicExpense(ClaimReceipt r) throws IOException {
        boolean pharmacy = header.form() == ClaimForm.PHARMACY;
        record.begin(RecordId.KO, pharmacy ? PublicExpense.PHARMACY_FIELDS : PublicExpense.MEDICAL_FIELDS);
        record.put(PublicExpense.PAYER, UNKNOWN_PUBLIC_PAYER);
        record.put(pharmacy ? PublicExpense.PHARMACY_DAYS : PublicExpense.DAYS, r.days());
        record.put(PublicExpense.POINTS, r.totalPoints());
        record.put(pharmacy ? PublicExpense.PHARMACY_SHARE : PublicExpense.MEDICAL_SHARE, r.publicShareYen());
        record.end();
    }

    /** One SH + CZ pair per run of drugs with the same day, 剤形, usage and 調剤数量, then their IY records. */
    private void writeDrugs(ClaimReceipt r, List<ClaimDrug> drugs) throws IOException {
        ClaimDrug previous = null;
        int prescriptions = 0;
        for (ClaimDrug drug : drugs) {
            if (!drug.dispensedOn().getMonth().equals(r.serviceMonth().getMonth())
                    || drug.dispensedOn().getYear() != r.serviceMonth().getYear()) {
                throw new IllegalArgumentException("drug " + drug.drugCode() + " was dispensed on " + drug.dispensedOn()
                        + ", outside the receipt's month " + r.serviceMonth());
            }
            if (previous == null || !sameRp(previous, drug)) {
                prescriptions++;
                if (prescriptions > MAX_PRESCRIPTIONS) {
                    throw new IllegalArgumentException("a receipt holds at most " + MAX_PRESCRIPTIONS + " SH records (Ｎｏ has 2 digits)");
                }
                writePrescription(prescriptions, drug);
            }
            record.begin(RecordId.IY, Dispensing.IY_FIELDS);
            record.put(Dispensing.BURDEN, "1");
            record.put(Dispensing.DRUG, nineDigits(drug.drugCode()));
            record.put(Dispensing.AMOUNT, amount(drug));
            record.end();
            previous = drug;
        }
    }

    /** One SI record per 診療識別 and procedure; the 診療識別 is left out where it repeats, as senders may. */
    private void writeCareActs(ClaimReceipt r, List<ClaimCareAct> acts) throws IOException {
        record Procedure(int careClass, String code) {
        }
        java.util.Map<Procedure, int[]> days = new java.util.LinkedHashMap<>();
        for (ClaimCareAct act : acts) {
            if (!YearMonth.from(act.performedOn()).equals(r.serviceMonth())) {
                throw new IllegalArgumentException("procedure " + act.procedureCode() + " was done on " + act.performedOn()
                        + ", outside the receipt's month " + r.serviceMonth());
            }
            if (act.careClass() < 1 || act.careClass() > 99 || act.times() < 1 || act.times() > 999) {
                throw new IllegalArgumentException("診療識別 must be 1 to 99 and 回数 1 to 999: " + act);
            }
            if (act.procedureCode() == null || act.procedureCode().length() != 9 || !ReceiptAssembler.isDigits(act.procedureCode())) {
                throw new IllegalArgumentException("診療行為コード must be 9 digits: " + act.procedureCode());
            }
            days.computeIfAbsent(new Procedure(act.careClass(), act.procedureCode()), k -> new int[31])[act.performedOn().getDayOfMonth() - 1] += act.times();
        }
        int previousClass = 0;
        for (java.util.Map.Entry<Procedure, int[]> entry : days.entrySet()) {
            int careClass = entry.getKey().careClass();
            int total = 0;
            record.begin(RecordId.SI, CareAct.FIELDS);
            if (careClass != previousClass) {
                record.put(CareAct.CLASS, careClass < 10 ? "0" + careClass : Integer.toString(careClass));
            }
            record.put(CareAct.BURDEN, "1");
            record.put(CareAct.PROCEDURE, entry.getKey().code());
            for (int day = 1; day <= 31; day++) {
                int count = entry.getValue()[day - 1];
                if (count > 999) {
                    throw new IllegalArgumentException("at most 999 times a day: " + entry.getKey().code());
                }
                if (count > 0) {
                    record.put(CareAct.DAYS[day - 1], count);
                    total += count;
                }
            }
            if (total > 999) {
                throw new IllegalArgumentException("回数 has 3 digits: " + entry.getKey().code() + " counts " + total);
            }
            record.put(CareAct.TIMES, total);
            record.end();
            previousClass = careClass;
        }
    }

    private void writePrescription(int rp, ClaimDrug drug) throws IOException {
        record.begin(RecordId.SH, Dispensing.SH_FIELDS);
        record.put(Dispensing.RP, rp);
        record.put(Dispensing.FORM, formCode(drug.category()));
        record.put(Dispensing.USAGE_CODE, Dispensing.UNCODED_USAGE);
        record.put(Dispensing.USAGE_TEXT, drug.usage());
        record.end();
        if (drug.days() < 1 || drug.days() > 999) {
            throw new IllegalArgumentException("調剤数量 must be 1 to 999, not " + drug.days());
        }
        record.begin(RecordId.CZ, Dispensing.CZ_FIELDS);
        // The model has no prescription date; the day of dispensing stands for it.
        record.put(Dispensing.PRESCRIBED, monthDay(drug.dispensedOn()));
        record.put(Dispensing.DISPENSED, monthDay(drug.dispensedOn()));
        record.put(Dispensing.QUANTITY, drug.days());
        record.end();
    }

    private static boolean sameRp(ClaimDrug a, ClaimDrug b) {
        return a.dispensedOn().equals(b.dispensedOn()) && a.category().equals(b.category())
                && Objects.equals(a.usage(), b.usage()) && a.days() == b.days();
    }

    /** 使用量: per day (内服) or per dose (頓服), so the total must divide evenly into 5 decimals. */
    private static String amount(ClaimDrug drug) {
        BigDecimal quantity = drug.quantity();
        if (quantity == null || quantity.signum() <= 0) {
            throw new IllegalArgumentException("quantity of " + drug.drugCode() + " must be positive");
        }
        BigDecimal amount = quantity;
        if (drug.category().equals("内服") || drug.category().equals("頓服")) {
            try {
                amount = quantity.divide(BigDecimal.valueOf(drug.days())).setScale(5, RoundingMode.UNNECESSARY);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("quantity " + quantity + " of " + drug.drugCode()
                        + " does not divide into " + drug.days() + " equal 使用量 of at most 5 decimals", e);
            }
        }
        String text = DispensingAssembler.normalized(amount).toPlainString();
        int point = text.indexOf('.');
        if ((point < 0 ? text.length() : point) > 5 || (point >= 0 && text.length() - point - 1 > 5)) {
            throw new IllegalArgumentException("使用量 " + text + " of " + drug.drugCode() + " exceeds 5 integer or 5 fraction digits");
        }
        return text;
    }

    private static String formCode(String category) {
        return switch (Objects.requireNonNull(category, "category")) {
            case "内服" -> "1";
            case "頓服" -> "3";
            case "注射" -> "4";
            case "外用" -> "5";
            default -> throw new IllegalArgumentException("unknown drug category " + category);
        };
    }

    private static String nineDigits(String code) {
        if (code == null || code.length() != 9 || !ReceiptAssembler.isDigits(code)) {
            throw new IllegalArgumentException("医薬品コード must be the 9-digit レセ電 code: " + code);
        }
        return code;
    }

    private static String monthDay(LocalDate day) {
        int value = day.getMonthValue() * 100 + day.getDayOfMonth();
        return value < 1000 ? "0" + value : Integer.toString(value);
    }

    private String prescriber(List<ClaimDrug> drugs) {
        String prescriber = drugs.isEmpty() ? null : drugs.get(0).prescriberCode();
        for (ClaimDrug drug : drugs) {
            String code = drug.prescriberCode();
            if (!Objects.equals(prescriber, code)) {
                throw new IllegalArgumentException("one 調剤 receipt has one prescribing institution, not "
                        + prescriber + " and " + code);
            }
        }
        if (prescriber != null && (prescriber.length() != 10 || !ReceiptAssembler.isDigits(prescriber))) {
            throw new IllegalArgumentException("prescriber code must be 10 digits: " + prescriber);
        }
        return prescriber;
    }
}
