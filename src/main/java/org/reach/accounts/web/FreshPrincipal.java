package org.reach.accounts.web;

import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.reach.accounts.SignIn;
import org.reach.platform.ReachUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Reloads the signed-in person on every page request, so a deactivation or a change of roles or sites
 * applies at once instead of at the next sign-in; ends sessions older than a password reset by someone
 * else; and sends people with a one-time password to choose
 * their own before anything else.
 */
@Component
class FreshPrincipal implements HandlerInterceptor {

    static final String PASSWORD_PAGE = "/account/password";

    private final SignIn signIn;

    FreshPrincipal(SignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof ReachUser signedIn)) {
            return true;
        }
        if (isApi(request)) {
            // The API is stateless: its token was checked and its person reloaded moments ago in this request.
            return true;
        }
        HttpSession current = request.getSession(false);
        Instant signedInAt = current == null ? null : (Instant) current.getAttribute(ReachUser.SESSION_SIGNED_IN_AT);
        Optional<ReachUser> fresh = signIn.reload(signedIn.id()).filter(u -> u.isEnabled() && u.isAccountNonLocked())
                .filter(u -> signIn.sessionStillValid(u.id(), signedInAt));
        if (fresh.isEmpty()) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            if (isApi(request)) {
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            } else {
                response.sendRedirect(request.getContextPath() + "/login?expired");
            }
            return false;
        }
        ReachUser user = fresh.get();
        user.eraseCredentials();
        UsernamePasswordAuthenticationToken refreshed =
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        refreshed.setDetails(authentication.getDetails());
        SecurityContextHolder.getContext().setAuthentication(refreshed);
        if (user.passwordChangeRequired() && !isApi(request) && !request.getRequestURI().startsWith(
                request.getContextPath() + PASSWORD_PAGE)) {
            response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
            return false;
        }
        return true;
    }

    private static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }
}
