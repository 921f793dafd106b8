package org.reach.platform;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * One PDF report in one language, written the one way every report of Reach is written. OpenPDF joins and
 * orders Arabic-script letters only in text laid out by a column with a right-to-left run direction; a plain
 * paragraph puts Urdu letters down one by one, left to right and unjoined. So every line of text goes into a
 * table cell, and in a right-to-left language every table and cell runs right to left (columns too read from
 * the right), which makes OpenPDF shape the letters and order mixed text by the bidirectional algorithm.
 */
public final class PdfReport {

    private static final float CELL_PADDING = 2;

    private final PdfFonts fonts;
    private final Locale locale;
    private final boolean rightToLeft;
    private final Document document;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private PdfReport(PdfFonts fonts, Locale locale, Rectangle page, float margin, String title) {
        this.fonts = fonts;
        this.locale = locale;
        this.rightToLeft = Languages.isRightToLeft(locale);
        this.document = new Document(page, margin, margin, margin, margin);
        PdfWriter.getInstance(document, out);
        if (title != null) {
            document.addTitle(title);
        }
        document.open();
    }

    /** A report on pages of this size, with this margin in points, in the language of the locale. */
    public static PdfReport open(PdfFonts fonts, Locale locale, Rectangle page, float margin, String title) {
        return new PdfReport(fonts, locale, page, margin, title);
    }

    public Locale locale() {
        return locale;
    }

    public boolean rightToLeft() {
        return rightToLeft;
    }

    /** A font of this size and style that has the letters of the report's language. */
    public Font font(float size, int style) {
        return fonts.font(size, style, locale);
    }

    /** One paragraph of text across the page, with this much space above it. */
    public void line(String text, Font font, float spacingBefore) {
        PdfPTable holder = table(1);
        holder.setSpacingBefore(spacingBefore);
        PdfPCell cell = cell(text, font);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPaddingLeft(0);
        cell.setPaddingRight(0);
        holder.addCell(cell);
        add(holder);
    }

    /**
     * A table across the page whose columns have these relative widths, first column first in the language's
     * direction (at the right in right-to-left text).
     */
    public PdfPTable table(float... widths) {
        float[] ordered = widths.clone();
        if (rightToLeft) {
            // OpenPDF lays the first cell out at the right but hands out the widths from the left.
            for (int i = 0; i < ordered.length; i++) {
                ordered[i] = widths[widths.length - 1 - i];
            }
        }
        return directed(new PdfPTable(ordered));
    }

    /**
     * A date as the reader writes it. In right-to-left text the language's own form ("9 مارچ، 2026"): OpenPDF
     * splits an ISO date between right-to-left words at its hyphens and prints 09-03-2026.
     */
    public String date(LocalDate date) {
        if (date == null) {
            return "";
        }
        return rightToLeft ? DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date)
                : date.toString();
    }

    /**
     * A table with a shaded header row whose columns share the page by these weights, each column at least as
     * wide as the longest word of its header, so that no header breaks inside a word in any language; what a
     * narrow column needs is taken from the widest.
     */
    public PdfPTable table(float[] weights, Font headerFont, Color background, String... headers) {
        float available = document.getPageSize().getWidth() - document.leftMargin() - document.rightMargin();
        float total = 0;
        for (float weight : weights) {
            total += weight;
        }
        float[] widths = new float[weights.length];
        int widest = 0;
        for (int i = 0; i < weights.length; i++) {
            widths[i] = weights[i] / total * available;
            widest = widths[i] > widths[widest] ? i : widest;
        }
        for (int i = 0; i < weights.length; i++) {
            float needed = longestWord(headers[i], headerFont) + 2 * CELL_PADDING + 4;
            if (i != widest && widths[i] < needed) {
                widths[widest] -= needed - widths[i];
                widths[i] = needed;
            }
        }
        PdfPTable table = table(widths);
        table.setHeaderRows(1);
        for (String header : headers) {
            table.addCell(header(header, headerFont, background));
        }
        return table;
    }

    private static float longestWord(String text, Font font) {
        BaseFont base = font.getCalculatedBaseFont(false);
        float longest = 0;
        for (String word : text.split("\\s+")) {
            longest = Math.max(longest, base.getWidthPoint(word, font.getCalculatedSize()));
        }
        return longest;
    }

    /** A table across the page of this many equal columns, running in the language's direction. */
    public PdfPTable table(int columns) {
        return directed(new PdfPTable(columns));
    }

    private PdfPTable directed(PdfPTable table) {
        table.setWidthPercentage(100);
        table.setHorizontalAlignment(Element.ALIGN_CENTER);
        table.setRunDirection(rightToLeft ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_LTR);
        return table;
    }

    /** A cell of text in the language's direction. */
    public PdfPCell cell(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(text == null ? "" : text, font));
        cell.setRunDirection(rightToLeft ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_LTR);
        cell.setPaddingBottom(4);
        return cell;
    }

    /** A header cell: shaded. */
    public PdfPCell header(String text, Font font, Color background) {
        PdfPCell cell = cell(text, font);
        cell.setBackgroundColor(background);
        return cell;
    }

    /**
     * A cell for a number or a suppression mark ("&lt;5"), aligned to the right so that the digits of a column line
     * up. It runs left to right in every language: in right-to-left text the bidirectional algorithm would mirror
     * "&lt;5" into the glyph "&gt;", which is what a copy of the text or a screen reader then gets.
     */
    public PdfPCell number(String text, Font font) {
        PdfPCell cell = cell(text, font);
        cell.setRunDirection(PdfWriter.RUN_DIRECTION_LTR);
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
    }

    public void add(Element element) {
        document.add(element);
    }

    /** Closes the document and answers its bytes. */
    public byte[] finish() {
        document.close();
        return out.toByteArray();
    }
}
