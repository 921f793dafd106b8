package org.reach.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;

/** The one CSV writer every export uses: what a spreadsheet would run gets a quote, numbers stay numbers. */
class CsvCellsNeverRunAsFormulasTest {

    @Test
    void formulaLikeCellsGetAQuoteAndNumbersStay() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (CsvWriter csv = CsvWriter.open(out, List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j"))) {
            csv.row(Arrays.asList("=1+1", "+1", "-1+2", "@SUM(A1)", "\t=1", "\r=1", "-12", "-0.5", null, "Lyari = 3"));
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("a,b,c,d,e,f,g,h,i,j\r\n");
        List<String> row = CSVFormat.DEFAULT.parse(new StringReader(out.toString(StandardCharsets.UTF_8)))
                .getRecords().get(1).toList();
        assertThat(row).containsExactly("'=1+1", "'+1", "'-1+2", "'@SUM(A1)", "'\t=1", "'\r=1", "-12", "-0.5", "",
                "Lyari = 3");
    }

    @Test
    void closingFinishesTheFileButLeavesTheStreamOpen() {
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                throw new AssertionError("the caller's stream was closed");
            }
        };
        CsvWriter.open(out, List.of("x")).row(List.of(1)).close();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("x\r\n1\r\n");
    }
}
