package org.reach.rights.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.reach.clients.Gender;
import org.reach.organisations.Site;
import org.reach.platform.Forbidden;
import org.reach.platform.FormErrors;
import org.reach.platform.InvalidInput;
import org.reach.platform.Paging;
import org.reach.platform.ReachUser;
import org.reach.rights.AgeBand;
import org.reach.rights.CaseClosing;
import org.reach.rights.CaseOutcome;
import org.reach.rights.HelpKind;
import org.reach.rights.Perpetrator;
import org.reach.rights.ResponseKind;
import org.reach.rights.ViolenceReceipt;
import org.reach.rights.ViolenceReport;
import org.reach.rights.ViolenceReportPage;
import org.reach.rights.ViolenceReports;
import org.reach.rights.ViolenceResponseForm;
import org.reach.rights.ViolenceType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Recording a report (any staff member), and the protection focal persons' list and report pages with responses
 * and closing. A recorder sees the number and time of what they submitted, never the report afterwards.
 */
@Controller
class ViolencePages {

    private static final String FORM = "rights/report-form";
    private static final String LIST = "rights/reports";
    private static final String DETAIL = "rights/report";
    private static final int PAGE_SIZE = 50;

    private final ViolenceReports reports;

    ViolencePages(ViolenceReports reports) {
        this.reports = reports;
    }

    @GetMapping("/rights/reports/new")
    String newForm(@AuthenticationPrincipal ReachUser me, Model model) {
        requireRecorder(me);
        ViolenceReportPageForm form = new ViolenceReportPageForm();
        form.setUuid(UUID.randomUUID().toString());
        form.setOccurredOn(LocalDate.ofInstant(reports.now(), ZoneOffset.UTC));
        List<Site> sites = reports.sites(me);
        if (sites.size() == 1) {
            form.setSiteId(sites.get(0).id());
        }
        model.addAttribute("form", form);
        return form(me, model);
    }

    @PostMapping("/rights/reports/new")
    String create(@AuthenticationPrincipal ReachUser me, @ModelAttribute("form") ViolenceReportPageForm form,
                  BindingResult result, Model model, RedirectAttributes redirect) {
        requireRecorder(me);
        if (result.hasErrors()) {
            return form(me, model);
        }
        try {
            ViolenceReceipt receipt = reports.record(me, form.toForm());
            redirect.addFlashAttribute("receipt", receipt);
            return "redirect:/rights/reports/new";
        } catch (InvalidInput invalid) {
            FormErrors.bind(invalid, result);
            return form(me, model);
        }
    }

    @GetMapping("/rights/reports")
    String list(@AuthenticationPrincipal ReachUser me, @RequestParam(defaultValue = "false") boolean open,
                @RequestParam(defaultValue = "0") int page, Model model) {
        ViolenceReportPage found = reports.list(me, open, Paging.clamp(page), PAGE_SIZE);
        model.addAttribute("result", found);
        model.addAttribute("open", open);
        model.addAttribute("now", reports.now());
        model.addAttribute("siteNames", reports.siteNames(me));
        model.addAttribute("clientCodes", reports.clientCodes(me,
                found.reports().stream().map(ViolenceReport::clientId).toList()));
        return LIST;
    }

    @GetMapping("/rights/reports/{id}")
    String show(@AuthenticationPrincipal ReachUser me, @PathVariable long id, Model model) {
        ViolenceReport report = reports.report(me, id);
        model.addAttribute("responseForm", new ResponsePageForm());
        return detail(me, report, model);
    }

    @PostMapping("/rights/reports/{id}/responses")
    String respond(@AuthenticationPrincipal ReachUser me, @PathVariable long id,
                   @ModelAttribute("responseForm") ResponsePageForm form, BindingResult result, Model model) {
        if (!result.hasErrors()) {
            try {
                reports.respond(me, id, new ViolenceResponseForm(form.getKind(), form.getNote(), form.getGivenBy(), null));
                return "redirect:/rights/reports/" + id + "?responded";
            } catch (InvalidInput invalid) {
                FormErrors.bind(invalid, result);
            }
        }
        return detail(me, reports.report(me, id), model);
    }

    @PostMapping("/rights/reports/{id}/close")
    String close(@AuthenticationPrincipal ReachUser me, @PathVariable long id,
                 @ModelAttribute("responseForm") ResponsePageForm form, BindingResult result, Model model) {
        if (!result.hasErrors()) {
            try {
                reports.close(me, id, new CaseClosing(form.getOutcome()));
                return "redirect:/rights/reports/" + id + "?closed";
            } catch (InvalidInput invalid) {
                FormErrors.bind(invalid, result);
            }
        }
        return detail(me, reports.report(me, id), model);
    }

    private String detail(ReachUser me, ViolenceReport report, Model model) {
        model.addAttribute("report", report);
        model.addAttribute("now", reports.now());
        model.addAttribute("siteNames", reports.siteNames(me));
        model.addAttribute("clientCodes", reports.clientCodes(me,
                report.clientId() == null ? List.of() : List.of(report.clientId())));
        model.addAttribute("responseKinds", Arrays.asList(ResponseKind.values()));
        model.addAttribute("outcomes", Arrays.asList(CaseOutcome.values()));
        return DETAIL;
    }

    private String form(ReachUser me, Model model) {
        model.addAttribute("sites", reports.sites(me));
        model.addAttribute("types", Arrays.asList(ViolenceType.values()));
        model.addAttribute("perpetrators", Arrays.asList(Perpetrator.values()));
        model.addAttribute("helpKinds", Arrays.asList(HelpKind.values()));
        model.addAttribute("genders", Arrays.asList(Gender.values()));
        model.addAttribute("ageBands", Arrays.asList(AgeBand.values()));
        return FORM;
    }

    private void requireRecorder(ReachUser me) {
        if (!reports.mayRecord(me)) {
            throw new Forbidden("record violence report");
        }
    }
}
