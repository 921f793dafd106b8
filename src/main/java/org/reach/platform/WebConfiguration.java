package org.reach.platform;

import java.time.Duration;
import java.util.Locale;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final String LANGUAGE_COOKIE = "REACH_LANG";

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(LANGUAGE_COOKIE);
        // Without a cookie (API scripts, first visit) the browser's or client's Accept-Language decides.
        resolver.setDefaultLocaleFunction(WebConfiguration::fromAcceptLanguage);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        return resolver;
    }

    private static Locale fromAcceptLanguage(jakarta.servlet.http.HttpServletRequest request) {
        for (java.util.Enumeration<Locale> accepted = request.getLocales(); accepted.hasMoreElements(); ) {
            Locale locale = accepted.nextElement();
            if (request.getHeader("Accept-Language") != null && Languages.isSupported(locale.getLanguage())) {
                return Locale.forLanguageTag(locale.getLanguage());
            }
        }
        return Locale.ENGLISH;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor() {
            @Override
            public boolean preHandle(jakarta.servlet.http.HttpServletRequest request,
                                     jakarta.servlet.http.HttpServletResponse response, Object handler)
                    throws jakarta.servlet.ServletException {
                // Unknown language tags are ignored rather than stored in the cookie.
                String requested = request.getParameter(getParamName());
                return requested == null || Languages.isSupported(requested) ? super.preHandle(request, response, handler) : true;
            }
        };
        change.setParamName("lang");
        registry.addInterceptor(NoNulInText.parameters());
        registry.addInterceptor(change);
    }
}
