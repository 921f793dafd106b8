package org.reach.platform;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns away sign-in attempts that must still wait, before any password is checked, with the same answer
 * for every username: "too many attempts, try again in N seconds".
 */
class SignInThrottleFilter extends OncePerRequestFilter {

    private final SignInGuard guard;

    SignInThrottleFilter(SignInGuard guard) {
        this.guard = guard;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod())
                && (request.getContextPath() + "/login").equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long wait = guard.secondsToWait(request.getParameter("username"), request.getRemoteAddr());
        if (wait > 0) {
            response.sendRedirect(request.getContextPath() + "/login?wait=" + wait);
            return;
        }
        chain.doFilter(request, response);
    }
}
