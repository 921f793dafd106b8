package org.reach.accounts.web;

import org.reach.platform.ReachUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginPage {

    @GetMapping("/login")
    String login(@AuthenticationPrincipal ReachUser me, @RequestParam(name = "wait", required = false) String wait,
                 Model model) {
        if (me != null) {
            return "redirect:/";
        }
        if (wait != null) {
            // "too many attempts, try again in N seconds", with N from the throttle's redirect
            model.addAttribute("waitSeconds", wait.matches("\\d{1,6}") ? Math.max(1, Long.parseLong(wait)) : 1);
        }
        return "accounts/login";
    }
}
