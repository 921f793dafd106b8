package org.reach.platform;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.servlet.LocaleResolver;

import tools.jackson.databind.json.JsonMapper;

/**
 * Two doors: pages use a form log-in with a session and CSRF protection; the REST API uses personal
 * bearer tokens and keeps no session.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String CSP_HEADER = "Content-Security-Policy";

    /**
     * Scripts only from Reach's own files (no inline script, no event-handler attributes, no eval); styles may stay
     * inline (htmx adds its indicator style, and a style cannot run code). See docs/security.md.
     */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; "
                    + "img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
                    + "frame-ancestors 'none'; form-action 'self'";

    /**
     * The policy pages are sent with. Images come from Reach itself (the map's background is shipped with it) and,
     * when the installation names its own tile server in {@code reach.map.tiles}, from that server's origin only:
     * no public tile service, and nothing else, is ever reached from a page.
     */
    static String contentSecurityPolicy(String tileTemplate) {
        return contentSecurityPolicy(tileTemplate, List.of());
    }

    /**
     * The policy one person's pages are sent with: as above, plus the origins of their own organisation's tile server
     * ({@link ImageOrigins}); an origin that is not plain scheme, host and port is left out rather than trusted.
     */
    static String contentSecurityPolicy(String tileTemplate, List<String> viewerOrigins) {
        java.util.Set<String> origins = new java.util.LinkedHashSet<>();
        String installation = tileOrigin(tileTemplate);
        if (installation != null) {
            origins.add(installation);
        }
        viewerOrigins.stream().filter(o -> PLAIN_ORIGIN.matcher(o).matches()).forEach(origins::add);
        return origins.isEmpty() ? CONTENT_SECURITY_POLICY
                : CONTENT_SECURITY_POLICY.replace("img-src 'self' data: blob:;",
                        "img-src 'self' data: blob: " + String.join(" ", origins) + ";");
    }

    private static final java.util.regex.Pattern PLAIN_ORIGIN =
            java.util.regex.Pattern.compile("^https?://([a-z0-9.-]+|\\[::1\\])(:[0-9]{1,5})?$");

    /** The scheme, host and port of a tile URL template, or null when there is none or it is not plain http(s). */
    static String tileOrigin(String tileTemplate) {
        if (tileTemplate == null || tileTemplate.isBlank()) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?)(/.*)?$")
                .matcher(tileTemplate.replace("{s}", "a").trim());
        if (!m.matches()) {
            throw new IllegalStateException("reach.map.tiles must be an http(s) URL template, e.g. https://tiles.example.org/{z}/{x}/{y}.png");
        }
        String origin = m.group(1);
        return tileTemplate.contains("{s}.") ? origin.replaceFirst("//a\\.", "//*.") : origin;
    }

    /**
     * bcrypt, with the algorithm stored beside each hash ({@code {bcrypt}$2a$10$...}) so it can be upgraded later and
     * hashes of another strength still verify. The strength (log2 of the rounds) is
     * {@code reach.passwords.bcrypt-strength}: 10 by default, about 0.1 s per hash on a small server; only the test
     * suite lowers it, because hashing dozens of fixture passwords per test at full strength is most of its time.
     */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${reach.passwords.bcrypt-strength:10}") int strength) {
        if (strength < 4 || strength > 31) {
            throw new IllegalStateException("reach.passwords.bcrypt-strength must be between 4 and 31, not " + strength);
        }
        if (strength < 10) {
            LoggerFactory.getLogger(SecurityConfiguration.class).warn(
                    "reach.passwords.bcrypt-strength is {}: passwords are hashed with fewer rounds than a live installation needs (10 or more)",
                    strength);
        }
        Map<String, PasswordEncoder> encoders = new HashMap<>();
        encoders.put("bcrypt", new BCryptPasswordEncoder(strength));
        return new DelegatingPasswordEncoder("bcrypt", encoders);
    }

    /**
     * Form sign-in checks the password before the account's state, so a deactivated account's answer takes
     * as long as any other's and tells nothing; unknown usernames are hashed against a dummy password.
     */
    @Bean
    DaoAuthenticationProvider authenticationProvider(UserDetailsService people, PasswordEncoder passwordEncoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(people);
        provider.setPasswordEncoder(passwordEncoder);
        provider.setPreAuthenticationChecks(person -> { });
        provider.setPostAuthenticationChecks(new AccountStatusUserDetailsChecker());
        return provider;
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, java.util.List<ApiTokenAuthenticator> tokens, MessageSource messages,
                            LocaleResolver locales) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new BearerTokenFilter(tokens), AnonymousAuthenticationFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> writeProblem(response, json,
                                problem(HttpStatus.UNAUTHORIZED, request.getAttribute(BearerTokenFilter.REFUSAL) instanceof
                                        String reason ? reason : "unauthorized", messages, locales.resolveLocale(request))))
                        .accessDeniedHandler((request, response, e) -> writeProblem(response, json,
                                problem(HttpStatus.FORBIDDEN, "forbidden", messages, locales.resolveLocale(request)))));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, LanguagePreference language, SignInGuard guard, Clock clock,
                              @Value("${reach.map.tiles:}") String tiles, List<ImageOrigins> imageOrigins)
            throws Exception {
        contentSecurityPolicy(tiles); // a template that is no plain http(s) URL stops the start
        HeaderWriter policy = (request, response) -> {
            if (response.containsHeader(CSP_HEADER)) {
                return;
            }
            List<String> viewerOrigins = List.of();
            org.springframework.security.core.Authentication signedIn =
                    SecurityContextHolder.getContext().getAuthentication();
            if (signedIn != null && signedIn.getPrincipal() instanceof ReachUser viewer) {
                viewerOrigins = imageOrigins.stream().flatMap(o -> o.imageOrigins(viewer).stream()).toList();
            }
            response.setHeader(CSP_HEADER, contentSecurityPolicy(tiles, viewerOrigins));
        };
        SavedRequestAwareAuthenticationSuccessHandler afterLogin = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response,
                                                org.springframework.security.core.Authentication authentication)
                    throws jakarta.servlet.ServletException, java.io.IOException {
                if (authentication.getPrincipal() instanceof ReachUser user) {
                    language.apply(request, response, user.language());
                }
                // A password reset by someone else ends the sessions that signed in before it.
                request.getSession().setAttribute(ReachUser.SESSION_SIGNED_IN_AT, clock.instant());
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
        afterLogin.setDefaultTargetUrl("/");
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/css/**", "/js/**", "/field/sw.js", "/field/manifest.webmanifest",
                                "/field/icon-*", "/webjars/**", "/favicon.ico", "/error",
                                "/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
                                "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").successHandler(afterLogin)
                        // One answer for every failure: a wrong password, an unknown or a deactivated account.
                        .failureHandler((request, response, e) -> response.sendRedirect(request.getContextPath()
                                + "/login?error"))
                        .permitAll())
                .addFilterBefore(new SignInThrottleFilter(guard), UsernamePasswordAuthenticationFilter.class)
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").deleteCookies("JSESSIONID"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers
                        // Sent only on HTTPS requests (also behind a proxy: server.forward-headers-strategy).
                        .httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(31_536_000).includeSubDomains(true))
                        // Computed per request: an organisation's own tile server is allowed on its people's pages only.
                        .addHeaderWriter(policy)
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    private static Map<String, Object> problem(HttpStatus status, String name, MessageSource messages, Locale locale) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", ApiProblems.type(name).toString());
        problem.put("title", messages.getMessage("error." + name + ".title", null, name, locale));
        problem.put("status", status.value());
        problem.put("detail", messages.getMessage("error." + name, null, name, locale));
        return problem;
    }

    private static void writeProblem(HttpServletResponse response, JsonMapper json, Map<String, Object> problem)
            throws java.io.IOException {
        response.setStatus((Integer) problem.get("status"));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
