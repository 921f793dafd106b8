package org.reach.platform;

import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Where the container sends every error it reports itself (a status set by a security filter, a rejected path,
 * a failure outside any controller): the same page or problem JSON as {@link ErrorResponses} gives.
 */
@Controller
class ErrorPages implements ErrorController {

    private final ApiProblems problems;
    private final ErrorResponses responses;

    ErrorPages(ApiProblems problems, ErrorResponses responses) {
        this.problems = problems;
        this.responses = responses;
    }

    @RequestMapping("/error")
    ModelAndView error(HttpServletRequest request, Locale locale) {
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        ApiProblems.Problem problem = failure instanceof Throwable t && !(status instanceof Integer s && s < 500)
                ? problems.of(t, locale)
                : problems.byStatus(status instanceof Integer s ? s : 404, HttpHeaders.EMPTY);
        return responses.respond(problem, request, locale);
    }
}
