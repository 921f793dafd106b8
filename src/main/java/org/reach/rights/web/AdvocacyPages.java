package org.reach.rights.web;

import java.util.Locale;

import org.reach.indicators.Period;
import org.reach.platform.ReachUser;
import org.reach.rights.AdvocacyDocuments;
import org.reach.rights.AdvocacyReport;
import org.reach.rights.ViolenceAdvocacy;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The advocacy report as a page, a PDF and a workbook. */
@Controller
class AdvocacyPages {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ViolenceAdvocacy advocacy;
    private final AdvocacyDocuments documents;

    AdvocacyPages(ViolenceAdvocacy advocacy, AdvocacyDocuments documents) {
        this.advocacy = advocacy;
        this.documents = documents;
    }

    @GetMapping("/rights/advocacy")
    String page(@AuthenticationPrincipal ReachUser me, @RequestParam(required = false) String period, Model model) {
        Period asked = advocacy.period(me, period);
        AdvocacyReport report = advocacy.report(me, asked);
        model.addAttribute("report", report);
        model.addAttribute("periods", advocacy.offeredPeriods());
        model.addAttribute("period", asked.code());
        return "rights/advocacy";
    }

    @GetMapping("/rights/advocacy.pdf")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal ReachUser me, @RequestParam(required = false) String period,
                               Locale locale) {
        Period asked = advocacy.period(me, period);
        byte[] pdf = documents.pdf(me, advocacy.report(me, asked), locale);
        return file(pdf, MediaType.APPLICATION_PDF, "violence-advocacy-" + asked.code() + ".pdf");
    }

    @GetMapping("/rights/advocacy.xlsx")
    ResponseEntity<byte[]> xlsx(@AuthenticationPrincipal ReachUser me, @RequestParam(required = false) String period,
                                Locale locale) {
        Period asked = advocacy.period(me, period);
        byte[] xlsx = documents.xlsx(me, advocacy.report(me, asked), locale);
        return file(xlsx, XLSX, "violence-advocacy-" + asked.code() + ".xlsx");
    }

    private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }
}
