package org.reach.platform;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.util.HtmlUtils;

/**
 * Errors the container raises itself. Encoded slashes and backslashes ({@code %2F}, {@code %5C}) are let through
 * to the security firewall, which refuses them through {@link ErrorPages} like any other error. What Tomcat
 * refuses before any application sees the request (a NUL byte in the path, {@code %00}) is answered by
 * {@link Report} instead of Tomcat's own page: problem JSON under {@code /api/}, else a plain page in Reach's style.
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrors {

    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> containerErrorsLookLikeReach() {
        return factory -> {
            factory.addConnectorCustomizers(connector -> {
                connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
                connector.setEncodedReverseSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
            });
            factory.addContextCustomizers(context -> {
                Pipeline host = context.getParent().getPipeline();
                for (Valve valve : host.getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.removeValve(valve);
                    }
                }
                host.addValve(new Report());
                // Keeps the host from adding Tomcat's own report (with its version) beside this one when it starts.
                ((StandardHost) context.getParent()).setErrorReportValveClass(Report.class.getName());
            });
        };
    }

    /** Tomcat's last word on an error no application handled, in Reach's two formats. */
    static final class Report extends ErrorReportValve {

        Report() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable failure) {
            int status = response.getStatus();
            if (status < 400 || response.isCommitted() || response.getContentWritten() > 0) {
                return;
            }
            Locale locale = request.getLocale() == null ? Locale.ENGLISH : request.getLocale();
            String key = switch (status) {
                case 400 -> "error.badRequest";
                case 404 -> "error.notFound";
                case 405 -> "error.methodNotAllowed";
                default -> status < 500 ? "error.badRequest" : "error.internal";
            };
            String title = text(key + ".title", locale);
            String detail = text(key, locale);
            String path = request.getRequestURI() == null ? "" : request.getRequestURI();
            try {
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                boolean api = path.equals("/api") || path.startsWith("/api/");
                response.setContentType(api ? "application/problem+json" : "text/html");
                Writer out = response.getReporter();
                if (out == null) {
                    return;
                }
                String type = status == 404 ? "not-found" : status < 500 ? "bad-request" : "internal";
                if (api) {
                    out.write("{\"type\":\"urn:reach:problem:" + type + "\",\"title\":\"" + json(title)
                            + "\",\"status\":" + status + ",\"detail\":\"" + json(detail) + "\"}");
                } else {
                    String language = locale.getLanguage();
                    out.write("<!DOCTYPE html><html lang=\"" + HtmlUtils.htmlEscape(language) + "\" dir=\""
                            + (Languages.isRightToLeft(locale) ? "rtl" : "ltr") + "\"><head><meta charset=\"utf-8\">"
                            + "<title>" + HtmlUtils.htmlEscape(title) + " · Reach</title>"
                            + "<link rel=\"stylesheet\" href=\"/css/reach.css\"></head><body>"
                            + "<header class=\"topbar\"><a class=\"brand\" href=\"/\">Reach</a></header>"
                            + "<main id=\"main\"><h1>" + HtmlUtils.htmlEscape(title) + "</h1><p>"
                            + HtmlUtils.htmlEscape(detail) + "</p><p><a href=\"/\">Reach</a></p></main></body></html>");
                }
                out.flush();
            } catch (IOException | IllegalStateException e) {
                // The connection is gone; nothing more can be said.
            }
        }

        private static String text(String key, Locale locale) {
            try {
                return ResourceBundle.getBundle("i18n/platform", Languages.isSupported(locale.getLanguage())
                        ? locale : Locale.ENGLISH).getString(key);
            } catch (MissingResourceException e) {
                return key;
            }
        }

        private static String json(String text) {
            return text.replace("\\", "\\\\").replace("\"", "\\\"");
        }
    }
}
