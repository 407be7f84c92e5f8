package jp.mynahealth.importer.demo;

import java.io.IOException;
import java.io.Writer;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demo's masters as files: insurers and institutions in our CSVs, and its drugs in the public
 * 医薬品マスター's layout (Shift_JIS, no header) under 9-digit レセ電 codes of their own.
 */
final class DemoMasters {

    /** The demo drugs by YJ code (one product may be dispensed as 内服 and as 頓服: one master line). */
    private static final Map<String, DemoCatalog.Drug> DRUGS = drugs();
    private static final Map<String, String> RECEIPT_CODES = receiptCodes();

    private DemoMasters() {
    }

    /** The 9-digit レセ電 code the demo gives a YJ code: 6 and eight digits, unique in the catalog. */
    static String receiptCode(String yjCode) {
        String code = RECEIPT_CODES.get(yjCode);
        if (code == null) {
            throw new IllegalArgumentException("not a demo drug: " + yjCode);
        }
        return code;
    }

    static void write(Path folder) throws IOException {
        writeProcedures(folder);
        try (Writer out = Files.newBufferedWriter(folder.resolve("insurers.csv"), StandardCharsets.UTF_8)) {
            out.write("insurer_number,name,kind,prefecture\r\n");
            for (DemoCatalog.Insurer i : DemoCatalog.INSURERS) {
                out.write(i.number() + "," + i.name() + "," + i.kind() + "," + i.prefecture() + "\r\n");
            }
        }
        try (Writer out = Files.newBufferedWriter(folder.resolve("institutions.csv"), StandardCharsets.UTF_8)) {
            out.write("institution_code,name,kind,prefecture\r\n");
            for (DemoCatalog.Institution i : DemoCatalog.INSTITUTIONS) {
                out.write(i.code() + "," + i.name() + "," + i.kind() + "," + i.prefecture() + "\r\n");
            }
        }
        try (Writer out = Files.newBufferedWriter(folder.resolve("y.csv"), Charset.forName("Shift_JIS"))) {
            for (DemoCatalog.Drug drug : DRUGS.values()) {
                String[] fields = new String[42];
                Arrays.fill(fields, "");
                fields[0] = "0";
                fields[1] = "Y";
                fields[2] = receiptCode(drug.code());
                fields[3] = String.valueOf(drug.name().length());
                fields[4] = '"' + drug.name() + '"';
                fields[8] = String.valueOf(drug.unit().length());
                fields[9] = '"' + drug.unit() + '"';
                fields[10] = "1";
                fields[11] = String.valueOf(drug.yenPerUnit());
                fields[16] = drug.generic() ? "1" : "0";
                fields[27] = switch (drug.category()) {
                    case "注射" -> "4";
                    case "外用" -> "6";
                    default -> "1";
                };
                fields[29] = "20260401";
                fields[30] = "99999999";
                fields[31] = drug.code();
                out.write(String.join(",", fields));
                out.write("\r\n");
            }
        }
    }

    /** The 診療行為マスター's first columns for the demo's procedures (code, 省略漢字名称, 点数識別 3 = points). */
    private static void writeProcedures(Path folder) throws IOException {
        try (Writer out = Files.newBufferedWriter(folder.resolve("s.csv"), Charset.forName("Shift_JIS"))) {
            for (DemoProcedures.Procedure p : DemoProcedures.ALL) {
                // The real file has over a hundred columns; the importer reads the first twelve.
                String[] fields = new String[20];
                Arrays.fill(fields, "");
                fields[0] = "0";
                fields[1] = "S";
                fields[2] = p.code();
                fields[3] = String.valueOf(p.name().length());
                fields[4] = '"' + p.name() + '"';
                fields[10] = "3";
                fields[11] = String.valueOf(p.points());
                out.write(String.join(",", fields));
                out.write("\r\n");
            }
        }
    }

    private static Map<String, DemoCatalog.Drug> drugs() {
        Map<String, DemoCatalog.Drug> drugs = new LinkedHashMap<>();
        for (Field field : DemoCatalog.class.getDeclaredFields()) {
            if (field.getType() == DemoCatalog.Drug.class && Modifier.isStatic(field.getModifiers())) {
                try {
                    DemoCatalog.Drug drug = (DemoCatalog.Drug) field.get(null);
                    drugs.putIfAbsent(drug.code(), drug);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Collections.unmodifiableMap(drugs);
    }

    private static Map<String, String> receiptCodes() {
        Map<String, String> codes = new LinkedHashMap<>();
        for (String yj : DRUGS.keySet()) {
            String code = "6" + String.format("%08d", Math.floorMod(yj.hashCode(), 100_000_000));
            if (codes.containsValue(code)) {
                throw new IllegalStateException("two demo drugs share the レセ電 code " + code);
            }
            codes.put(yj, code);
        }
        return Collections.unmodifiableMap(codes);
    }
}
