package org.reach.accounts.web;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.reach.accounts.AccountForm;
import org.reach.accounts.Accounts;
import org.reach.accounts.CreatedAccount;
import org.reach.accounts.UserAccount;
import org.reach.organisations.Organisation;
import org.reach.organisations.OrganisationDirectory;
import org.reach.organisations.Site;
import org.reach.platform.Forbidden;
import org.reach.platform.FormErrors;
import org.reach.platform.Languages;
import org.reach.platform.ReachUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** Pages for managers to create accounts, assign roles and sites, reset passwords and deactivate. */
@Controller
class AccountPages {

    private static final String LIST = "accounts/accounts";
    private static final String FORM = "accounts/account-form";
    private static final String ISSUED = "accounts/password-issued";

    private final Accounts accounts;
    private final OrganisationDirectory directory;

    AccountPages(Accounts accounts, OrganisationDirectory directory) {
        this.accounts = accounts;
        this.directory = directory;
    }

    @GetMapping("/accounts")
    String list(@AuthenticationPrincipal ReachUser me, Model model) {
        model.addAttribute("accounts", accounts.list(me));
        model.addAttribute("organisationNames", directory.organisations(me).stream()
                .collect(Collectors.toMap(Organisation::id, Organisation::name)));
        model.addAttribute("mayCreate", accounts.mayCreateAccounts(me));
        return LIST;
    }

    @GetMapping("/accounts/new")
    String newForm(@AuthenticationPrincipal ReachUser me, Model model) {
        if (!accounts.mayCreateAccounts(me)) {
            throw new Forbidden("create account");
        }
        model.addAttribute("form", AccountForm.inOrganisation(me.organisationId()));
        return form(me, model);
    }

    @PostMapping("/accounts/new")
    String create(@AuthenticationPrincipal ReachUser me, @ModelAttribute("form") AccountForm form, BindingResult result,
                  Model model) {
        return FormErrors.submit(result, () -> {
            CreatedAccount created = accounts.create(me, form);
            model.addAttribute("issued", created);
            return ISSUED;
        }, () -> form(me, model));
    }

    @GetMapping("/accounts/{id}")
    String editForm(@AuthenticationPrincipal ReachUser me, @PathVariable long id, Model model) {
        UserAccount account = accounts.account(me, id);
        model.addAttribute("account", account);
        model.addAttribute("form", AccountForm.of(account));
        return form(me, model);
    }

    @PostMapping("/accounts/{id}")
    String update(@AuthenticationPrincipal ReachUser me, @PathVariable long id, @ModelAttribute("form") AccountForm form,
                  BindingResult result, Model model) {
        model.addAttribute("account", accounts.account(me, id));
        return FormErrors.submit(result, () -> {
            accounts.update(me, id, form);
            return "redirect:/accounts?saved";
        }, () -> form(me, model));
    }

    @PostMapping("/accounts/{id}/reset-password")
    String resetPassword(@AuthenticationPrincipal ReachUser me, @PathVariable long id, Model model) {
        model.addAttribute("issued", accounts.resetPassword(me, id));
        return ISSUED;
    }

    /** An organisation manager issues the one-time password that an administrator's reset left waiting. */
    @PostMapping("/accounts/resets/{id}/issue")
    String issueWaitingPassword(@AuthenticationPrincipal ReachUser me, @PathVariable long id, Model model) {
        model.addAttribute("issued", accounts.issueWaitingPassword(me, id));
        return ISSUED;
    }

    @PostMapping("/accounts/{id}/unlock")
    String unlock(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        accounts.unlock(me, id);
        return "redirect:/accounts?saved";
    }

    @PostMapping("/accounts/{id}/deactivate")
    String deactivate(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        accounts.setActive(me, id, false);
        return "redirect:/accounts?saved";
    }

    @PostMapping("/accounts/{id}/activate")
    String activate(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        accounts.setActive(me, id, true);
        return "redirect:/accounts?saved";
    }

    private String form(ReachUser me, Model model) {
        List<Organisation> organisations = directory.organisations(me);
        List<Site> sites = directory.sites(me, null).stream().filter(Site::active)
                .filter(s -> me.isAdmin() || s.organisationId() == me.organisationId()).toList();
        Map<Long, String> organisationNames = organisations.stream()
                .collect(Collectors.toMap(Organisation::id, Organisation::name));
        model.addAttribute("organisations", organisations.stream().filter(Organisation::active).toList());
        model.addAttribute("organisationNames", organisationNames);
        model.addAttribute("sites", sites);
        model.addAttribute("programmes", me.isAdmin() ? directory.programmes(me) : List.of());
        model.addAttribute("grantableRoles", accounts.grantableRoles(me));
        model.addAttribute("uiLanguages", Languages.SUPPORTED);
        return FORM;
    }
}
