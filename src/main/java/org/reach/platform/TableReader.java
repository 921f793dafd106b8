package org.reach.platform;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads the first sheet of an XLSX file or a CSV file (comma, semicolon or tab separated, UTF-8 with or
 * without BOM) into header names and rows. Dates in spreadsheet cells come out as ISO dates, so the
 * importers parse one format whatever the spreadsheet's locale showed.
 */
public final class TableReader {

    public static final int MAX_ROWS = 100_000;
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    private TableReader() {
    }

    public static Table read(String filename, InputStream content) {
        String name = filename == null ? "" : filename.toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".xlsx")) {
                return readXlsx(content);
            }
            if (name.endsWith(".csv") || name.endsWith(".txt")) {
                return readCsv(content);
            }
        } catch (IOException | RuntimeException unreadable) {
            if (unreadable instanceof InvalidInput invalid) {
                throw invalid;
            }
            throw InvalidInput.of("file", "import.error.unreadable");
        }
        throw InvalidInput.of("file", "import.error.fileType");
    }

    private static Table readCsv(InputStream content) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(BOMInputStream.builder().setInputStream(content).get());
        buffered.mark(8192);
        byte[] head = buffered.readNBytes(8192);
        buffered.reset();
        char delimiter = guessDelimiter(new String(head, StandardCharsets.UTF_8));
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreSurroundingSpaces(true).get();
        try (Reader reader = new InputStreamReader(buffered, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> headers = null;
            List<TableRow> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                int line = (int) record.getRecordNumber();
                List<String> cells = record.toList();
                if (headers == null) {
                    headers = headers(cells);
                    continue;
                }
                addRow(rows, headers, cells, line);
            }
            return table(headers, rows);
        }
    }

    private static Table readXlsx(InputStream content) throws IOException {
        try (Workbook workbook = new XSSFWorkbook(content)) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            List<String> headers = null;
            List<TableRow> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                int width = headers == null ? row.getLastCellNum() : headers.size();
                for (int column = 0; column < Math.max(width, 0); column++) {
                    cells.add(text(row.getCell(column), formatter));
                }
                if (headers == null) {
                    headers = headers(cells);
                    continue;
                }
                addRow(rows, headers, cells, row.getRowNum() + 1);
            }
            return table(headers, rows);
        }
    }

    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
            return cell.getLocalDateTimeCellValue().toLocalDate().format(ISO_DATE);
        }
        return formatter.formatCellValue(cell).strip();
    }

    private static List<String> headers(List<String> cells) {
        List<String> headers = new ArrayList<>();
        for (String cell : cells) {
            headers.add(cell == null ? "" : cell.strip());
        }
        while (!headers.isEmpty() && headers.get(headers.size() - 1).isEmpty()) {
            headers.remove(headers.size() - 1);
        }
        return headers;
    }

    private static void addRow(List<TableRow> rows, List<String> headers, List<String> cells, int line) {
        if (cells.stream().allMatch(c -> c == null || c.isBlank())) {
            return;
        }
        if (cells.stream().anyMatch(NoNulInText::holdsNul)) {
            throw InvalidInput.of("file", NoNulInText.MESSAGE_KEY);
        }
        if (rows.size() >= MAX_ROWS) {
            throw InvalidInput.of("file", "import.error.tooManyRows", MAX_ROWS);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            if (!headers.get(i).isEmpty()) {
                values.put(headers.get(i), i < cells.size() && cells.get(i) != null ? cells.get(i) : "");
            }
        }
        rows.add(new TableRow(line, values));
    }

    private static Table table(List<String> headers, List<TableRow> rows) {
        if (headers == null || headers.isEmpty()) {
            throw InvalidInput.of("file", "import.error.empty");
        }
        return new Table(headers, rows);
    }

    private static char guessDelimiter(String head) {
        String firstLine = head.lines().findFirst().orElse("");
        char best = ',';
        long most = 0;
        for (char candidate : new char[] {',', ';', '\t'}) {
            long count = firstLine.chars().filter(c -> c == candidate).count();
            if (count > most) {
                most = count;
                best = candidate;
            }
        }
        return best;
    }
}
