package org.reach.platform;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * What went wrong, said once for pages and API alike: every exception and every status the container reports
 * becomes a {@link Problem} (status, problem type, message key and, for bad input, each field with its reason in
 * the person's language). {@link ErrorResponses} shows it as the error page or as RFC 9457 problem JSON.
 */
@Component
class ApiProblems {

    private final MessageSource messages;

    ApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    /** One rejected field as the caller sees it. */
    record FieldReason(String field, String code, String reason) {
    }

    /** A problem ready to show: {@code name} is the last part of its type, {@code key} its message key. */
    record Problem(HttpStatusCode status, String name, String key, List<FieldReason> errors, HttpHeaders headers) {

        boolean serverError() {
            return status.is5xxServerError();
        }
    }

    Problem of(Throwable failure, Locale locale) {
        if (failure instanceof InvalidInput invalid) {
            return invalid(invalid.problems().stream()
                    .map(p -> new FieldReason(p.field(), p.messageKey(),
                            messages.getMessage(p.messageKey(), p.arguments().toArray(), p.messageKey(), locale)))
                    .toList());
        }
        if (failure instanceof BindException bind) {
            // Also MethodArgumentNotValidException: bean validation of a body or a form.
            return invalid(bind.getBindingResult().getFieldErrors().stream()
                    .map(e -> new FieldReason(e.getField(), e.getCode() == null ? "invalid" : e.getCode(),
                            messages.getMessage(e, locale)))
                    .toList());
        }
        if (failure instanceof HandlerMethodValidationException validation) {
            return invalid(validation.getParameterValidationResults().stream()
                    .flatMap(r -> r.getResolvableErrors().stream().map(e -> new FieldReason(
                            r.getMethodParameter().getParameterName(), "invalid", messages.getMessage(e, locale))))
                    .toList());
        }
        if (failure instanceof HttpMessageNotReadableException unreadable) {
            boolean nul = unreadable.getCause() instanceof InvalidFormatException format
                    && format.getValue() instanceof String text && NoNulInText.holdsNul(text);
            String code = nul ? NoNulInText.MESSAGE_KEY
                    : wantedWholeNumber(unreadable) ? "error.wholeNumber" : "error.unreadable";
            return invalid(List.of(reason(fieldOf(unreadable), code, locale)));
        }
        if (failure instanceof TypeMismatchException mismatch) {
            String field = mismatch instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
                    : mismatch.getPropertyName() == null ? "body" : mismatch.getPropertyName();
            return invalid(List.of(new FieldReason(field, "typeMismatch", text("typeMismatch", locale))));
        }
        if (failure instanceof MissingServletRequestParameterException missing) {
            return invalid(List.of(reason(missing.getParameterName(), "error.required", locale)));
        }
        if (failure instanceof MissingServletRequestPartException missing) {
            return invalid(List.of(reason(missing.getRequestPartName(), "error.required", locale)));
        }
        if (failure instanceof NotFound || failure instanceof NoResourceFoundException
                || failure instanceof NoHandlerFoundException) {
            return simple(HttpStatus.NOT_FOUND, "not-found", "error.notFound");
        }
        if (failure instanceof AccessDeniedException) {
            return simple(HttpStatus.FORBIDDEN, "forbidden", "error.forbidden");
        }
        if (failure instanceof DuplicateKeyException) {
            return simple(HttpStatus.CONFLICT, "conflict", "error.duplicate");
        }
        if (failure instanceof RequestRejectedException) {
            return simple(HttpStatus.BAD_REQUEST, "bad-request", "error.badRequest");
        }
        if (failure instanceof MaxUploadSizeExceededException) {
            return simple(HttpStatus.CONTENT_TOO_LARGE, "too-large", "error.tooLarge");
        }
        if (failure instanceof HttpRequestMethodNotSupportedException
                || failure instanceof HttpMediaTypeNotSupportedException
                || failure instanceof HttpMediaTypeNotAcceptableException) {
            ErrorResponse response = (ErrorResponse) failure;
            return byStatus(response.getStatusCode().value(), response.getHeaders());
        }
        if (failure instanceof ErrorResponse response) {
            return byStatus(response.getStatusCode().value(), response.getHeaders());
        }
        if (failure instanceof org.springframework.transaction.CannotCreateTransactionException
                || failure instanceof org.springframework.jdbc.CannotGetJdbcConnectionException) {
            // Every database connection stayed busy (many phones syncing at once): nothing was written, and a
            // device keeps its queue, so it is told to come back rather than that something broke.
            HttpHeaders retry = new HttpHeaders();
            retry.set(HttpHeaders.RETRY_AFTER, "5");
            return new Problem(HttpStatus.SERVICE_UNAVAILABLE, "busy", "error.busy", List.of(), retry);
        }
        return byStatus(500, HttpHeaders.EMPTY);
    }

    /** A status reported by the container or the security filters, with no exception to say more. */
    Problem byStatus(int status, HttpHeaders headers) {
        return switch (status) {
            case 400 -> new Problem(HttpStatus.BAD_REQUEST, "bad-request", "error.badRequest", List.of(), headers);
            case 401 -> new Problem(HttpStatus.UNAUTHORIZED, "unauthorized", "error.unauthorized", List.of(), headers);
            case 403 -> new Problem(HttpStatus.FORBIDDEN, "forbidden", "error.forbidden", List.of(), headers);
            case 404 -> new Problem(HttpStatus.NOT_FOUND, "not-found", "error.notFound", List.of(), headers);
            case 405 -> new Problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "error.methodNotAllowed",
                    List.of(), headers);
            case 406 -> new Problem(HttpStatus.NOT_ACCEPTABLE, "not-acceptable", "error.notAcceptable", List.of(),
                    headers);
            case 409 -> new Problem(HttpStatus.CONFLICT, "conflict", "error.duplicate", List.of(), headers);
            case 413 -> new Problem(HttpStatus.CONTENT_TOO_LARGE, "too-large", "error.tooLarge", List.of(), headers);
            case 415 -> new Problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
                    "error.unsupportedMediaType", List.of(), headers);
            default -> status >= 400 && status < 500
                    ? new Problem(HttpStatusCode.valueOf(status), "bad-request", "error.badRequest", List.of(), headers)
                    : new Problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "error.internal", List.of(), headers);
        };
    }

    /** The RFC 9457 body: type, title, status, detail, instance and, for bad input, {@code errors}. */
    Map<String, Object> body(Problem problem, String instance, Locale locale) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type(problem.name()).toString());
        body.put("title", text(problem.key() + ".title", locale));
        body.put("status", problem.status().value());
        body.put("detail", text(problem.key(), locale));
        body.put("instance", instance);
        if (!problem.errors().isEmpty()) {
            body.put("errors", problem.errors().stream().map(e -> {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("field", e.field());
                error.put("code", e.code());
                error.put("reason", e.reason());
                return error;
            }).toList());
        }
        return body;
    }

    String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    /** The path a problem is about, without the context path; the container's error attributes win on /error. */
    static String path(HttpServletRequest request) {
        Object original = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
        String uri = original instanceof String s ? s : request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    static boolean isApi(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }

    private Problem invalid(List<FieldReason> errors) {
        return new Problem(HttpStatus.BAD_REQUEST, "invalid-input", "error.invalid",
                errors, HttpHeaders.EMPTY);
    }

    private static Problem simple(HttpStatus status, String name, String key) {
        return new Problem(status, name, key, List.of(), HttpHeaders.EMPTY);
    }

    private FieldReason reason(String field, String key, Locale locale) {
        return new FieldReason(field, key, text(key, locale));
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

    static URI type(String name) {
        return URI.create("urn:reach:problem:" + name);
    }
}
