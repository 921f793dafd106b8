package org.reach.platform;

import java.io.File;
import java.io.IOException;

import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.pdf.BaseFont;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Fonts for PDF reports. The standard PDF fonts have no Arabic-script glyphs, so Urdu text would vanish: a
 * TrueType font that has them is embedded instead — {@code reach.report.font} if set, else DejaVu Sans where the
 * system has it (Debian's fonts-dejavu-core), else Helvetica, which shows Latin text only.
 */
@Component
public class PdfFonts {

    static final String DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    static final String DEJAVU_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

    private final BaseFont regular;
    private final BaseFont bold;

    PdfFonts(@Value("${reach.report.font:}") String configured) {
        String file = !configured.isBlank() ? configured : new File(DEJAVU).canRead() ? DEJAVU : null;
        this.regular = load(file);
        String boldFile = configured.isBlank() && new File(DEJAVU_BOLD).canRead() ? DEJAVU_BOLD : null;
        this.bold = boldFile != null ? load(boldFile) : null;
    }

    /** A font of this size; {@link Font#BOLD} uses the bold face where there is one. */
    public Font font(float size, int style) {
        if ((style & Font.BOLD) != 0 && bold != null) {
            return new Font(bold, size, style & ~Font.BOLD);
        }
        if (regular != null) {
            return new Font(regular, size, style);
        }
        return FontFactory.getFont((style & Font.BOLD) != 0 ? FontFactory.HELVETICA_BOLD : FontFactory.HELVETICA, size,
                style & ~Font.BOLD);
    }

    /** Whether the embedded font can show Arabic-script text. */
    public boolean showsArabicScript() {
        return regular != null;
    }

    private static BaseFont load(String file) {
        if (file == null) {
            return null;
        }
        try {
            return BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (IOException | RuntimeException unreadable) {
            return null;
        }
    }
}
