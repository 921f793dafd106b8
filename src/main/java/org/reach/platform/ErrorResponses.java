package org.reach.platform;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

import tools.jackson.databind.json.JsonMapper;

/**
 * One error format, chosen by the path and never by the controller: under {@code /api/} RFC 9457 problem JSON,
 * everywhere else the error page inside the page layout (menu, language, right-to-left in Urdu). Every exception a
 * controller lets out comes here, before Spring's own defaults; what the container or the security filters report
 * arrives through {@link ErrorPages}.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorResponses {

    private static final Logger log = LoggerFactory.getLogger(ErrorResponses.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ApiProblems problems;

    ErrorResponses(ApiProblems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(Exception.class)
    ModelAndView failed(Exception failure, HttpServletRequest request, Locale locale) {
        if (failure instanceof AsyncRequestNotUsableException) {
            // The other side hung up (a download cancelled): there is nobody left to answer.
            return new ModelAndView();
        }
        ApiProblems.Problem problem = problems.of(failure, locale);
        if (problem.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            // Busy, not broken: one line, so a rush of syncing phones does not bury real failures in stack traces.
            log.warn("Request {} {} turned away: no free database connection ({})", request.getMethod(),
                    ApiProblems.path(request), failure.getClass().getSimpleName());
        } else if (problem.serverError()) {
            String incident = UUID.randomUUID().toString();
            log.error("Request {} {} failed (incident {})", request.getMethod(), ApiProblems.path(request), incident,
                    failure);
        }
        return respond(problem, request, locale);
    }

    /** The answer for a problem: problem JSON under {@code /api/}, else the page ({@code error/404} for not found). */
    ModelAndView respond(ApiProblems.Problem problem, HttpServletRequest request, Locale locale) {
        String path = ApiProblems.path(request);
        ModelAndView answer;
        if (ApiProblems.isApi(path)) {
            answer = new ModelAndView(new ProblemJson(problems.body(problem, path, locale), problem));
        } else {
            answer = new ModelAndView(problem.status().value() == 404 ? "error/404" : "error");
            answer.addObject("status", problem.status().value());
            answer.addObject("problemTitle", problems.text(problem.key() + ".title", locale));
            answer.addObject("problemDetail", problems.text(problem.key(), locale));
            answer.addObject("fieldReasons", problem.errors());
            Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
            answer.addObject("me", signedIn != null && signedIn.getPrincipal() instanceof ReachUser user ? user : null);
            answer.addObject("languages", Languages.SUPPORTED);
            answer.addObject("rtl", Languages.isRightToLeft(locale));
        }
        answer.setStatus(problem.status());
        return answer;
    }

    /** Writes the problem as JSON, with the headers the problem carries (for example Allow on a 405). */
    private record ProblemJson(Map<String, Object> body, ApiProblems.Problem problem) implements View {

        @Override
        public String getContentType() {
            return MediaType.APPLICATION_PROBLEM_JSON_VALUE;
        }

        @Override
        public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
                throws Exception {
            problem.headers().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
            response.setStatus(problem.status().value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            JSON.writeValue(response.getOutputStream(), new LinkedHashMap<>(body));
        }
    }
}
