package org.reach.platform;

import java.util.List;
import java.util.Locale;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page's layout needs: the signed-in person, the languages and the text direction. */
@ControllerAdvice(annotations = Controller.class)
class LayoutModel {

    @ModelAttribute("me")
    ReachUser me(@AuthenticationPrincipal ReachUser user) {
        return user;
    }

    @ModelAttribute("languages")
    List<String> languages() {
        return Languages.SUPPORTED;
    }

    @ModelAttribute("rtl")
    boolean rightToLeft(Locale locale) {
        return Languages.isRightToLeft(locale);
    }
}
