package org.reach.indicators;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * CSV and XLSX of indicator tables exactly as they leave the system: suppressed cells as "&lt;5" or "*",
 * values only where both counts are shown.
 */
@Component
public class IndicatorExports {

    public static final List<String> COLUMNS = List.of("indicator", "name", "period", "disaggregation", "category",
            "numerator", "denominator", "value", "band");

    private final MessageSource messages;

    IndicatorExports(MessageSource messages) {
        this.messages = messages;
    }

    private List<List<String>> lines(List<IndicatorTable> tables, Locale locale) {
        List<List<String>> lines = new java.util.ArrayList<>();
        for (IndicatorTable t : tables) {
            String name = messages.getMessage(t.definition().nameKey(), null, t.definition().code(), locale);
            for (IndicatorRow r : concat(t)) {
                lines.add(List.of(t.definition().code(), name, t.period().code(), t.disaggregation().name(), r.label(),
                        nullToEmpty(r.numerator()), nullToEmpty(r.denominator()),
                        r.value() == null ? "" : String.valueOf(r.value()),
                        r.band() == Band.NONE ? "" : r.band().name()));
            }
        }
        return lines;
    }

    private static List<IndicatorRow> concat(IndicatorTable t) {
        List<IndicatorRow> rows = new java.util.ArrayList<>(t.rows());
        rows.add(t.total());
        return rows;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    public byte[] csv(List<IndicatorTable> tables, Locale locale) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new))
                .get())) {
            for (List<String> line : lines(tables, locale)) {
                printer.printRecord(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    public byte[] xlsx(List<IndicatorTable> tables, Locale locale) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Indicators");
            Row header = sheet.createRow(0);
            for (int i = 0; i < COLUMNS.size(); i++) {
                header.createCell(i).setCellValue(COLUMNS.get(i));
            }
            int r = 1;
            for (List<String> line : lines(tables, locale)) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < line.size(); i++) {
                    String v = line.get(i);
                    boolean number = (i == 5 || i == 6 || i == 7) && v.matches("-?\\d+(\\.\\d+)?");
                    if (number) {
                        row.createCell(i).setCellValue(Double.parseDouble(v));
                    } else {
                        row.createCell(i).setCellValue(v);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
