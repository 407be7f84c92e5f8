package jp.mynahealth.importer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a file's report beside it, in Japanese and English, as the payer's and the operator's record. */
public final class ReportFiles {

    public static final String SUFFIX = ".report.txt";

    private static final java.util.Map<String, String> REASONS = java.util.Map.of(
            "no_qualification", "その期間に有効な資格（保険者番号・記号・番号・枝番）がありません",
            "ambiguous", "同じ資格が複数の人に当たります",
            "name_differs", "氏名が資格の人と異なります",
            "birth_date_differs", "生年月日が資格の人と異なります");

    private ReportFiles() {
    }

    public static Path write(ImportReport report, Path folder) throws IOException {
        StringBuilder text = new StringBuilder();
        String name = report.file().getFileName().toString();
        text.append("ファイル / file: ").append(name).append('\n');
        text.append("SHA-256: ").append(report.hashHex()).append('\n');
        text.append("種類 / kind: ").append(report.kind() == null ? "-" : report.kind().dbName()).append('\n');
        text.append("結果 / outcome: ").append(switch (report.outcome()) {
            case IMPORTED -> "取り込みました / imported";
            case VALIDATED -> "検査のみ（書き込みなし） / validated, nothing written";
            case ALREADY_IMPORTED -> "取り込み済みです（同じ内容）。変更はありません / already imported (same content): nothing changed";
            case REFUSED -> "受け付けませんでした。このファイルの内容は何も書き込まれていません / refused: nothing of this file was written";
        }).append('\n');
        text.append("件数 / records: ").append(report.records()).append('\n');
        if (report.unmatched() > 0) {
            text.append("照合できなかった件数 / unmatched (kept apart, shown to no one): ").append(report.unmatched()).append('\n');
            report.unmatchedByReason().forEach((reason, count) -> text.append("  ").append(REASONS.getOrDefault(reason, reason))
                    .append(" / ").append(reason).append(": ").append(count).append('\n'));
        }
        for (Problem problem : report.problems()) {
            text.append("- 記録 / record ").append(problem.recordNumber());
            if (!problem.field().isEmpty()) {
                text.append(", 項目 / field ").append(problem.field());
            }
            text.append(": ").append(problem.reasonJa()).append(" / ").append(problem.reasonEn()).append('\n');
        }
        Path target = folder.resolve(name + SUFFIX);
        Path temporary = folder.resolve("." + name + SUFFIX + ".tmp");
        Files.writeString(temporary, text, StandardCharsets.UTF_8);
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }
}
