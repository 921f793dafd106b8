package org.reach.platform;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API calls that carry "Authorization: Bearer &lt;token&gt;": a personal token or a field device's.
 * A refused token whose authenticator names a reason leaves it on the request for the answer.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    /** Request attribute: the problem name an authenticator gave for refusing the token. */
    static final String REFUSAL = "reach.tokenRefusal";

    private static final String PREFIX = "Bearer ";

    private final List<ApiTokenAuthenticator> tokens;

    BearerTokenFilter(List<ApiTokenAuthenticator> tokens) {
        this.tokens = List.copyOf(tokens);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.startsWith(PREFIX)) {
            String raw = header.substring(PREFIX.length()).trim();
            Optional<ApiTokenAuthenticator.Authenticated> found = Optional.empty();
            for (ApiTokenAuthenticator authenticator : tokens) {
                found = authenticator.authenticate(raw).filter(a -> a.user().isEnabled());
                if (found.isPresent()) {
                    break;
                }
                authenticator.refusal(raw).ifPresent(reason -> request.setAttribute(REFUSAL, reason));
            }
            found.ifPresent(a -> {
                UsernamePasswordAuthenticationToken authentication =
                        UsernamePasswordAuthenticationToken.authenticated(a.user(), null, a.user().getAuthorities());
                authentication.setDetails(a.credential());
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(authentication);
                SecurityContextHolder.setContext(context);
            });
        }
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
