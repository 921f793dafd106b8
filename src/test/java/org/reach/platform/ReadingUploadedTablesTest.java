package org.reach.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class ReadingUploadedTablesTest {

    @Test
    void aSemicolonCsvWithBomQuotesAndBlankLinesKeepsSpreadsheetLineNumbers() {
        String csv = "\uFEFFuic;date;notes\r\nAYBI294;2026-03-01;\"first; with semicolon\"\r\n;;\r\nKHSA185;2026-03-02;\r\n";
        Table table = TableReader.read("clients.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        assertThat(table.headers()).containsExactly("uic", "date", "notes");
        assertThat(table.rows()).hasSize(2);
        assertThat(table.rows().get(0).line()).isEqualTo(2);
        assertThat(table.rows().get(0).get("notes")).isEqualTo("first; with semicolon");
        assertThat(table.rows().get(1).line()).isEqualTo(4);
        assertThat(table.rows().get(1).get("notes")).isNull();
    }

    @Test
    void anXlsxSheetGivesIsoDatesAndPlainNumbers() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("export");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("_gps_latitude");
            header.createCell(1).setCellValue("visit date");
            header.createCell(2).setCellValue("count");
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("d/m/yy"));
            Row first = sheet.createRow(1);
            first.createCell(0).setCellValue(24.8607);
            first.createCell(1).setCellValue(LocalDate.of(2026, 4, 7));
            first.getCell(1).setCellStyle(dateStyle);
            first.createCell(2).setCellValue(12);
            sheet.createRow(2);
            Row third = sheet.createRow(3);
            third.createCell(2).setCellValue(3);
            workbook.write(bytes);
        }
        Table table = TableReader.read("Survey.XLSX", new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(table.headers()).containsExactly("_gps_latitude", "visit date", "count");
        assertThat(table.rows()).hasSize(2);
        assertThat(table.rows().get(0).get("_gps_latitude")).isEqualTo("24.8607");
        assertThat(table.rows().get(0).get("visit date")).isEqualTo("2026-04-07");
        assertThat(table.rows().get(0).get("count")).isEqualTo("12");
        assertThat(table.rows().get(1).line()).isEqualTo(4);
    }

    @Test
    void otherFilesAreRefusedWithAReason() {
        assertThatThrownBy(() -> TableReader.read("notes.pdf", new ByteArrayInputStream(new byte[] {1, 2})))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.problems().get(0).messageKey()).isEqualTo("import.error.fileType"));
        assertThatThrownBy(() -> TableReader.read("broken.xlsx", new ByteArrayInputStream(new byte[] {1, 2, 3})))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.problems().get(0).messageKey()).isEqualTo("import.error.unreadable"));
        assertThatThrownBy(() -> TableReader.read("empty.csv", new ByteArrayInputStream(new byte[0])))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.problems().get(0).messageKey()).isEqualTo("import.error.empty"));
    }
}
