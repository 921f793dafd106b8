package org.reach.accounts.web;

import org.reach.platform.ReachUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginPage {

    @GetMapping("/login")
    String login(@AuthenticationPrincipal ReachUser me) {
        return me == null ? "accounts/login" : "redirect:/";
    }
}
