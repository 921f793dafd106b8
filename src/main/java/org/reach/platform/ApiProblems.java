package org.reach.platform;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every API error is RFC 9457 problem JSON. Invalid input lists each field with a reason in the
 * caller's language, so an M&E officer's script can show exactly what to fix.
 */
@Order(0)
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems {

    private final MessageSource messages;

    ApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalidInput(InvalidInput invalid, Locale locale) {
        List<Map<String, Object>> errors = invalid.problems().stream()
                .map(p -> error(p.field(), p.messageKey(),
                        messages.getMessage(p.messageKey(), p.arguments().toArray(), p.messageKey(), locale)))
                .toList();
        return invalid(errors, locale);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail beanValidation(MethodArgumentNotValidException invalid, Locale locale) {
        List<Map<String, Object>> errors = invalid.getBindingResult().getFieldErrors().stream()
                .map(e -> error(e.getField(), e.getCode(), messages.getMessage(e, locale)))
                .toList();
        return invalid(errors, locale);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException unreadable, Locale locale) {
        String field = fieldOf(unreadable);
        String code = wantedWholeNumber(unreadable) ? "error.wholeNumber" : "error.unreadable";
        return invalid(List.of(error(field, code, text(code, locale))), locale);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException mismatch, Locale locale) {
        return invalid(List.of(error(mismatch.getName(), "typeMismatch", text("typeMismatch", locale))), locale);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException missing, Locale locale) {
        return invalid(List.of(error(missing.getParameterName(), "error.required", text("error.required", locale))), locale);
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound notFound, Locale locale) {
        return problem(HttpStatus.NOT_FOUND, "not-found", "error.notFound", locale);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException denied, Locale locale) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "error.forbidden", locale);
    }

    @ExceptionHandler(DuplicateKeyException.class)
    ProblemDetail conflict(DuplicateKeyException duplicate, Locale locale) {
        return problem(HttpStatus.CONFLICT, "conflict", "error.duplicate", locale);
    }

    private ProblemDetail problem(HttpStatus status, String type, String messageKey, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, text(messageKey, locale));
        problem.setType(type(type));
        problem.setTitle(text(messageKey + ".title", locale));
        return problem;
    }

    private ProblemDetail invalid(List<Map<String, Object>> errors, Locale locale) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "error.invalid", locale);
        problem.setProperty("errors", errors);
        return problem;
    }

    private static Map<String, Object> error(String field, String code, String reason) {
        return Map.of("field", field, "code", code == null ? "invalid" : code, "reason", reason);
    }

    /** The JSON path of the refused value, e.g. {@code birthYear} or {@code estimates[2].count}. */
    private static String fieldOf(HttpMessageNotReadableException unreadable) {
        for (Throwable cause = unreadable.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof tools.jackson.core.JacksonException jackson && !jackson.getPath().isEmpty()) {
                StringBuilder path = new StringBuilder();
                for (tools.jackson.core.JacksonException.Reference ref : jackson.getPath()) {
                    if (ref.getPropertyName() != null) {
                        path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
                    } else if (ref.getIndex() >= 0) {
                        path.append('[').append(ref.getIndex()).append(']');
                    }
                }
                return path.isEmpty() ? "body" : path.toString();
            }
        }
        return "body";
    }

    /** A fraction, a quoted number or a number out of range sent where a whole number belongs. */
    private static boolean wantedWholeNumber(HttpMessageNotReadableException unreadable) {
        for (Throwable cause = unreadable.getCause(); cause != null; cause = cause.getCause()) {
            Class<?> target = cause instanceof tools.jackson.databind.exc.MismatchedInputException mismatch ? mismatch.getTargetType()
                    : cause instanceof tools.jackson.core.exc.InputCoercionException coercion ? coercion.getTargetType() : null;
            if (target != null) {
                return target == Integer.class || target == int.class || target == Long.class || target == long.class
                        || target == Short.class || target == short.class;
            }
        }
        return false;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    static URI type(String name) {
        return URI.create("urn:reach:problem:" + name);
    }
}
