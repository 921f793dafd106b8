package org.reach.indicators;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.reach.platform.CsvWriter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * CSV and XLSX of indicator tables exactly as they leave the system: suppressed cells as "&lt;5" or "*",
 * values only where both counts are shown. Small exports are built in memory; the full export streams
 * table by table through a {@link TableWriter}, so its size does not depend on memory.
 */
@Component
public class IndicatorExports {

    public static final List<String> COLUMNS = List.of("indicator", "name", "period", "disaggregation", "category",
            "numerator", "denominator", "value", "band");
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final int NUMERATOR = 5;
    private static final int DENOMINATOR = 6;
    private static final int VALUE = 7;
    /** Rows an XLSX export keeps in memory before it flushes them to its temporary file. */
    private static final int ROWS_IN_MEMORY = 200;

    private final MessageSource messages;

    IndicatorExports(MessageSource messages) {
        this.messages = messages;
    }

    /** The lines of one table, its categories then its total, in the order of {@link #COLUMNS}. */
    private List<List<String>> lines(IndicatorTable t, Locale locale) {
        String name = messages.getMessage(t.definition().nameKey(), null, t.definition().numerator(), locale);
        List<IndicatorRow> rows = new ArrayList<>(t.rows());
        rows.add(t.total());
        List<List<String>> lines = new ArrayList<>();
        for (IndicatorRow r : rows) {
            lines.add(List.of(t.definition().code(), name, t.period().code(), t.disaggregation().name(), r.label(),
                    nullToEmpty(r.numerator()), nullToEmpty(r.denominator()),
                    r.value() == null ? "" : String.valueOf(r.value()),
                    r.band() == Band.NONE ? "" : r.band().name()));
        }
        return lines;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    public byte[] csv(List<IndicatorTable> tables, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter writer = csv(out, locale)) {
            for (IndicatorTable table : tables) {
                writer.write(table);
            }
        }
        return out.toByteArray();
    }

    public byte[] xlsx(List<IndicatorTable> tables, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableWriter writer = xlsx(out, locale, null)) {
            for (IndicatorTable table : tables) {
                writer.write(table);
            }
        }
        return out.toByteArray();
    }

    /** Writes tables one after the other; closing finishes the file but leaves the stream open. */
    public interface TableWriter extends AutoCloseable {

        /** Writes the table's rows and total; answers how many of its counts are hidden. */
        int write(IndicatorTable table);

        @Override
        void close();
    }

    /** What the read-me sheet of a full export says about the file. */
    public record ReadMe(IndicatorScope scope, Period period, java.time.LocalDate generated,
                         List<IndicatorDefinition> definitions) {
    }

    /** CSV with a header line, UTF-8, through the platform's writer so no cell runs as a spreadsheet formula. */
    public TableWriter csv(OutputStream out, Locale locale) {
        CsvWriter csv = CsvWriter.open(out, COLUMNS);
        return new TableWriter() {
            @Override
            public int write(IndicatorTable table) {
                for (List<String> line : lines(table, locale)) {
                    csv.row(line);
                }
                return hidden(table);
            }

            @Override
            public void close() {
                csv.close();
            }
        };
    }

    /**
     * XLSX with one long sheet (a row per indicator, breakdown and category, numbers as numbers, filters on the
     * header) and, when {@code readMe} is given, a second sheet that says what the file holds and defines every
     * indicator. Rows go to a temporary file as they are written, so memory stays flat however many there are.
     */
    public TableWriter xlsx(OutputStream out, Locale locale, ReadMe readMe) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY);
        workbook.setCompressTempFiles(true);
        CellStyle bold = boldStyle(workbook);
        Sheet sheet = workbook.createSheet(sheetName(readMe == null ? null : "indicators.export.sheet.data", locale,
                "Indicators"));
        sheet.createFreezePane(0, 1);
        int[] widths = {26, 40, 10, 16, 28, 12, 12, 10, 10};
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        Row header = sheet.createRow(0);
        for (int i = 0; i < COLUMNS.size(); i++) {
            header.createCell(i).setCellValue(COLUMNS.get(i));
            header.getCell(i).setCellStyle(bold);
        }
        return new TableWriter() {
            private int next = 1;
            private int tables;
            private int hiddenCounts;

            @Override
            public int write(IndicatorTable table) {
                for (List<String> line : lines(table, locale)) {
                    Row row = sheet.createRow(next++);
                    for (int i = 0; i < line.size(); i++) {
                        String v = line.get(i);
                        boolean number = (i == NUMERATOR || i == DENOMINATOR || i == VALUE) && NUMBER.matcher(v).matches();
                        if (number) {
                            row.createCell(i).setCellValue(Double.parseDouble(v));
                        } else {
                            row.createCell(i).setCellValue(v);
                        }
                    }
                }
                int hidden = hidden(table);
                tables++;
                hiddenCounts += hidden;
                return hidden;
            }

            @Override
            public void close() {
                try {
                    sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, next - 1), 0, COLUMNS.size() - 1));
                    if (readMe != null) {
                        writeReadMe(workbook, bold, readMe, locale, tables, next - 1, hiddenCounts);
                    }
                    workbook.write(nonClosing(out));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    workbook.dispose();
                    try {
                        workbook.close();
                    } catch (IOException ignored) {
                        // The temporary files are gone; nothing is left to close.
                    }
                }
            }
        };
    }

    private void writeReadMe(Workbook workbook, CellStyle bold, ReadMe readMe, Locale locale, int tables, int rows,
                             int hidden) {
        Sheet sheet = workbook.createSheet(sheetName("indicators.export.sheet.readMe", locale, "Read me"));
        sheet.setColumnWidth(0, 28 * 256);
        sheet.setColumnWidth(1, 60 * 256);
        for (int i = 2; i < 10; i++) {
            sheet.setColumnWidth(i, 20 * 256);
        }
        Lines lines = new Lines(sheet, bold);
        lines.heading(t(locale, "indicators.export.title"));
        lines.pair(t(locale, "indicators.export.scope"), readMe.scope().label());
        lines.pair(t(locale, "indicators.period"), readMe.period().code() + " (" + readMe.period().start() + " – "
                + readMe.period().end() + ")");
        lines.pair(t(locale, "indicators.report.generated"), readMe.generated().toString());
        lines.pair(t(locale, "indicators.export.counts"), t(locale, "indicators.export.countsValue", tables, rows, hidden));
        lines.blank();
        lines.text(t(locale, "indicators.export.suppression"));
        lines.text(t(locale, "indicators.export.layout"));
        lines.text(t(locale, "indicators.export.keyPopulations"));
        lines.blank();
        lines.headings(t(locale, "indicators.export.column"), t(locale, "indicators.export.meaning"));
        for (String column : COLUMNS) {
            lines.pair(column, t(locale, "indicators.export.column." + column));
        }
        lines.blank();
        lines.headings("indicator", "name", "numerator", "denominator", "unit", "disaggregations", "band_low",
                "band_high", "target", "source");
        for (IndicatorDefinition d : readMe.definitions()) {
            Row row = lines.row();
            row.createCell(0).setCellValue(d.code());
            row.createCell(1).setCellValue(messages.getMessage(d.nameKey(), null, d.numerator(), locale));
            row.createCell(2).setCellValue(described(locale, d.numeratorKey(), d.numerator()));
            row.createCell(3).setCellValue(described(locale, d.denominatorKey(), d.denominator()));
            row.createCell(4).setCellValue(t(locale, d.unit().messageKey()));
            row.createCell(5).setCellValue(String.join(", ", d.disaggregations().stream().map(Enum::name).toList()));
            number(row, 6, d.bandLow());
            number(row, 7, d.bandHigh());
            number(row, 8, d.target());
            row.createCell(9).setCellValue(nullToEmpty(d.source()));
        }
    }

    /** A definition's description in the reader's language, the stored English one where there is none. */
    private String described(Locale locale, String key, String stored) {
        return stored == null ? "" : messages.getMessage(key, null, stored, locale);
    }

    private static void number(Row row, int column, Double value) {
        if (value != null) {
            row.createCell(column).setCellValue(value);
        }
    }

    /** Writes the read-me sheet top to bottom. */
    private static final class Lines {
        private final Sheet sheet;
        private final CellStyle bold;
        private int next;

        Lines(Sheet sheet, CellStyle bold) {
            this.sheet = sheet;
            this.bold = bold;
        }

        Row row() {
            return sheet.createRow(next++);
        }

        void heading(String text) {
            Row row = row();
            row.createCell(0).setCellValue(text);
            row.getCell(0).setCellStyle(bold);
        }

        void headings(String... texts) {
            Row row = row();
            for (int i = 0; i < texts.length; i++) {
                row.createCell(i).setCellValue(texts[i]);
                row.getCell(i).setCellStyle(bold);
            }
        }

        void pair(String label, String value) {
            Row row = row();
            row.createCell(0).setCellValue(label);
            row.createCell(1).setCellValue(value);
        }

        void text(String text) {
            row().createCell(0).setCellValue(text);
        }

        void blank() {
            next++;
        }
    }

    private static CellStyle boldStyle(Workbook workbook) {
        Font font = workbook.createFont();
        font.setBold(true);
        CellStyle style = workbook.createCellStyle();
        style.setFont(font);
        return style;
    }

    private String sheetName(String key, Locale locale, String fallback) {
        return WorkbookUtil.createSafeSheetName(key == null ? fallback : messages.getMessage(key, null, fallback, locale));
    }

    private String t(Locale locale, String key, Object... arguments) {
        return messages.getMessage(key, arguments, key, locale);
    }

    /** Numerators and denominators of the table (rows and total) shown as "&lt;5" or "*". */
    private static int hidden(IndicatorTable table) {
        int hidden = 0;
        List<IndicatorRow> rows = new ArrayList<>(table.rows());
        rows.add(table.total());
        for (IndicatorRow r : rows) {
            hidden += isHidden(r.numerator()) ? 1 : 0;
            hidden += isHidden(r.denominator()) ? 1 : 0;
        }
        return hidden;
    }

    private static boolean isHidden(String count) {
        return SmallCellSuppression.SMALL.equals(count) || SmallCellSuppression.HIDDEN.equals(count);
    }

    /** Writers close what they wrap; the caller owns the stream. */
    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
