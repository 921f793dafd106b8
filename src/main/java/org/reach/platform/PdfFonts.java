package org.reach.platform;

import java.io.File;
import java.io.IOException;

import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.pdf.BaseFont;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Fonts for PDF reports. The standard PDF fonts have no Arabic-script glyphs, so Urdu text would vanish: a
 * TrueType font that has them is embedded instead — {@code reach.report.font} if set, else DejaVu Sans where the
 * system has it (Debian's fonts-dejavu-core), else Helvetica, which shows Latin text only. DejaVu Sans lacks two
 * of the commonest Urdu letters (heh goal and yeh barree), so reports in a right-to-left language use Amiri
 * (Debian's fonts-hosny-amiri), a Naskh face with Urdu and Latin letters, where the system has it.
 */
@Component
public class PdfFonts {

    static final String DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    static final String DEJAVU_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
    static final String AMIRI = "/usr/share/fonts/opentype/fonts-hosny-amiri/Amiri-Regular.ttf";
    static final String AMIRI_BOLD = "/usr/share/fonts/opentype/fonts-hosny-amiri/Amiri-Bold.ttf";

    private final BaseFont regular;
    private final BaseFont bold;
    private final BaseFont urdu;
    private final BaseFont urduBold;

    PdfFonts(@Value("${reach.report.font:}") String configured) {
        String file = !configured.isBlank() ? configured : new File(DEJAVU).canRead() ? DEJAVU : null;
        this.regular = load(file);
        String boldFile = configured.isBlank() && new File(DEJAVU_BOLD).canRead() ? DEJAVU_BOLD : null;
        this.bold = boldFile != null ? load(boldFile) : null;
        this.urdu = configured.isBlank() && new File(AMIRI).canRead() ? load(AMIRI) : null;
        this.urduBold = urdu != null && new File(AMIRI_BOLD).canRead() ? load(AMIRI_BOLD) : urdu;
    }

    /** A font of this size; {@link Font#BOLD} uses the bold face where there is one. */
    public Font font(float size, int style) {
        return font(size, style, LocaleContextHolder.getLocale());
    }

    /** A font of this size for a report in this language. */
    public Font font(float size, int style, java.util.Locale language) {
        if (urdu != null && Languages.isRightToLeft(language)) {
            return (style & Font.BOLD) != 0 ? new Font(urduBold, size, style & ~Font.BOLD) : new Font(urdu, size, style);
        }
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
