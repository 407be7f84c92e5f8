package jp.mynahealth.portal.etax;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import jp.mynahealth.records.CostNotice;

/**
 * The National Tax Agency's medical expense collection form (医療費集計フォーム) filled from the
 * notices: one row per person treated and payee, the kind marked 「該当する」 (調剤 is 医薬品購入,
 * the rest 診療・治療), the amount paid and the amount reimbursed. Within the form's row limit; the
 * zip entries carry a fixed time so the same data gives the same bytes.
 */
@Component
public class MedicalExpenseWorkbook {

    /** The form takes this many rows of expenses. */
    static final int ROW_LIMIT = 1000;
    static final String SHEET = "医療費集計フォーム";
    static final List<String> HEADERS = List.of("No.", "医療を受けた人", "病院・薬局などの名称", "診療・治療", "医薬品購入",
            "介護保険サービス", "その他の医療費", "支払った医療費の金額", "左のうち、補填される金額", "支払年月日");
    private static final String APPLIES = "該当する";

    /** One row of the form: who was treated, whom they paid, for what kind, how much. */
    record Line(String person, String payee, boolean medicine, long paid, long reimbursed) {
    }

    /** One person treated and their notices of the year. */
    public record Patient(String name, List<CostNotice> notices) {
    }

    public byte[] build(String personName, List<CostNotice> notices, LocalDate madeOn) {
        return build(List.of(new Patient(personName, notices)), madeOn);
    }

    /** The form of a household: each person's rows in the order given, 医療を受けた人 naming them. */
    public byte[] build(List<Patient> patients, LocalDate madeOn) {
        List<Line> lines = lines(patients);
        XSSFWorkbook workbook = new XSSFWorkbook();
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Date made = Date.from(madeOn.atStartOfDay().toInstant(ZoneOffset.UTC));
            workbook.getProperties().getCoreProperties().setCreated(Optional.of(made));
            workbook.getProperties().getCoreProperties().setModified(Optional.of(made));
            workbook.getProperties().getCoreProperties().setCreator("Myna Health Portal");
            Sheet sheet = workbook.createSheet(SHEET);
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setBorderBottom(BorderStyle.THIN);
            header.setWrapText(true);
            CellStyle yen = workbook.createCellStyle();
            yen.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));

            Row top = sheet.createRow(0);
            for (int i = 0; i < HEADERS.size(); i++) {
                top.createCell(i).setCellValue(HEADERS.get(i));
                top.getCell(i).setCellStyle(header);
            }
            int index = 1;
            for (Line line : lines) {
                Row row = sheet.createRow(index);
                row.createCell(0).setCellValue(index);
                row.createCell(1).setCellValue(line.person());
                row.createCell(2).setCellValue(line.payee());
                row.createCell(line.medicine() ? 4 : 3).setCellValue(APPLIES);
                row.createCell(7).setCellValue(line.paid());
                row.getCell(7).setCellStyle(yen);
                row.createCell(8).setCellValue(line.reimbursed());
                row.getCell(8).setCellStyle(yen);
                index++;
            }
            int[] widths = { 6, 18, 34, 12, 12, 16, 14, 20, 22, 14 };
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, widths[i] * 256);
            }
            sheet.createFreezePane(0, 1);
            workbook.write(out);
            return withFixedTimes(out.toByteArray(), madeOn);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the collection form", e);
        } finally {
            // Not close(): for a workbook made in memory it saves the whole package a second time,
            // into a stream POI throws away (a quarter of a download's time); revert() frees it unsaved.
            workbook.getPackage().revert();
        }
    }

    static List<Line> lines(String personName, List<CostNotice> notices) {
        return lines(List.of(new Patient(personName, notices)));
    }

    /**
     * Adds each person's notices up per payee and kind (the form's rows are per person treated, so the
     * same clinic twice in a family is two rows); more rows than the form holds is refused.
     */
    static List<Line> lines(List<Patient> patients) {
        List<Line> lines = new ArrayList<>();
        for (Patient patient : patients) {
            Map<String, long[]> sums = new LinkedHashMap<>();
            for (CostNotice notice : patient.notices()) {
                boolean medicine = "調剤".equals(notice.category());
                String key = notice.institutionName() + "\u0000" + medicine;
                sums.computeIfAbsent(key, k -> new long[1])[0] += notice.patientShare();
            }
            sums.forEach((key, sum) -> {
                String[] parts = key.split("\u0000");
                lines.add(new Line(patient.name(), parts[0], Boolean.parseBoolean(parts[1]), sum[0], 0));
            });
        }
        if (lines.size() > ROW_LIMIT) {
            throw new TooManyRowsException(lines.size());
        }
        return List.copyOf(lines);
    }

    /** The collection form holds at most {@link #ROW_LIMIT} rows. */
    static final class TooManyRowsException extends RuntimeException {
        TooManyRowsException(int rows) {
            super(rows + " payees are more than the form's " + ROW_LIMIT + " rows");
        }
    }

    /** The same entries in the same order, each stamped with the day the file is made. */
    private static byte[] withFixedTimes(byte[] xlsx, LocalDate madeOn) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return Downloads.zip(entries, madeOn);
    }
}
