package org.reach.platform;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/** Applies a person's chosen language to their browser, e.g. right after they sign in or change it. */
@Component
public class LanguagePreference {

    private final LocaleResolver localeResolver;

    LanguagePreference(LocaleResolver localeResolver) {
        this.localeResolver = localeResolver;
    }

    public void apply(HttpServletRequest request, HttpServletResponse response, String language) {
        if (Languages.isSupported(language)) {
            localeResolver.setLocale(request, response, Locale.forLanguageTag(language));
        }
    }
}
