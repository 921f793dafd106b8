package org.reach.platform;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Every CSV file Reach writes: UTF-8, a header line, and no cell a spreadsheet would run. A cell that begins
 * with {@code = + - @}, a tab or a carriage return is read by Excel, LibreOffice and Google Sheets as a formula
 * ({@code =HYPERLINK(...)} in a site name becomes a live link), so such a cell gets a leading single quote, as
 * OWASP advises. A plain number such as {@code -3} or {@code -0.5} is left as it is: it is not a formula, and a
 * spreadsheet should still read it as a number.
 */
public final class CsvWriter implements AutoCloseable {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    private final CSVPrinter printer;

    private CsvWriter(CSVPrinter printer) {
        this.printer = printer;
    }

    /** Starts a CSV file with this header; closing the writer finishes the file but leaves {@code out} open. */
    public static CsvWriter open(OutputStream out, List<String> header) {
        OutputStream keepOpen = new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
        try {
            CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(keepOpen, StandardCharsets.UTF_8),
                    CSVFormat.DEFAULT);
            CsvWriter writer = new CsvWriter(printer);
            writer.row(header);
            return writer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one line; {@code null} cells are written empty, every cell is made safe for spreadsheets. */
    public CsvWriter row(List<?> cells) {
        List<String> safe = new ArrayList<>(cells.size());
        for (Object cell : cells) {
            safe.add(inert(cell == null ? "" : String.valueOf(cell)));
        }
        try {
            printer.printRecord(safe);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** The cell as a spreadsheet will show it without running it: formula-like text gets a leading quote. */
    public static String inert(String cell) {
        if (cell.isEmpty() || PLAIN_NUMBER.matcher(cell).matches()) {
            return cell;
        }
        char first = cell.charAt(0);
        boolean formulaLike = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
                || first == '\r';
        return formulaLike ? "'" + cell : cell;
    }

    @Override
    public void close() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
