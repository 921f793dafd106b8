package org.reach.accounts.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.reach.accounts.Accounts;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.PasswordChange;
import org.reach.accounts.TokenRequest;
import org.reach.platform.FormErrors;
import org.reach.platform.InvalidInput;
import org.reach.platform.LanguagePreference;
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
import org.springframework.web.bind.annotation.RequestParam;

/** A person's own account: language, password and personal API tokens. */
@Controller
class MyAccountPages {

    private static final String PAGE = "accounts/my-account";
    private static final String PASSWORD = "accounts/password";

    private final Accounts accounts;
    private final ApiTokens tokens;
    private final LanguagePreference languagePreference;

    MyAccountPages(Accounts accounts, ApiTokens tokens, LanguagePreference languagePreference) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.languagePreference = languagePreference;
    }

    @GetMapping("/account")
    String page(@AuthenticationPrincipal ReachUser me, Model model) {
        return page(me, model, new TokenRequest("", 90));
    }

    @PostMapping("/account/language")
    String language(@AuthenticationPrincipal ReachUser me, @RequestParam String language, HttpServletRequest request,
                    HttpServletResponse response) {
        accounts.changeOwnLanguage(me, Languages.isSupported(language) ? language : "");
        languagePreference.apply(request, response, language);
        return "redirect:/account?saved";
    }

    @GetMapping(FreshPrincipal.PASSWORD_PAGE)
    String passwordForm(Model model) {
        model.addAttribute("form", PasswordChange.empty());
        return PASSWORD;
    }

    @PostMapping(FreshPrincipal.PASSWORD_PAGE)
    String changePassword(@AuthenticationPrincipal ReachUser me, @ModelAttribute("form") PasswordChange form,
                          BindingResult result) {
        try {
            accounts.changeOwnPassword(me, form);
            return "redirect:/account?passwordChanged";
        } catch (InvalidInput invalid) {
            FormErrors.bind(invalid, result);
            return PASSWORD;
        }
    }

    @PostMapping("/account/tokens")
    String issueToken(@AuthenticationPrincipal ReachUser me, @ModelAttribute("tokenForm") TokenRequest form,
                      BindingResult result, Model model) {
        if (result.hasErrors()) {
            return page(me, model, form);
        }
        try {
            model.addAttribute("issued", tokens.issue(me, form));
        } catch (InvalidInput invalid) {
            FormErrors.bind(invalid, result);
        }
        return page(me, model, form);
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revokeToken(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        tokens.revoke(me, id);
        return "redirect:/account?revoked";
    }

    private String page(ReachUser me, Model model, TokenRequest tokenForm) {
        model.addAttribute("account", accounts.me(me));
        model.addAttribute("tokens", tokens.mine(me));
        if (!model.containsAttribute("tokenForm")) {
            model.addAttribute("tokenForm", tokenForm);
        }
        model.addAttribute("uiLanguages", Languages.SUPPORTED);
        return PAGE;
    }
}
