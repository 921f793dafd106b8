package org.reach.platform;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * Text never holds the NUL character (U+0000): PostgreSQL refuses it, and stored verbatim on H2 it cuts names
 * short in other programs. It is refused where input arrives, once for every endpoint: in request parameters
 * (query and form, pages and API) by {@link #parameters()}, in JSON bodies by {@link #json()} (the problem names
 * the JSON field), and in uploaded tables by {@link TableReader}. The answer is 400 with the field and
 * {@code error.nul}: problem JSON under {@code /api/}, the error page naming the field elsewhere.
 */
@Configuration(proxyBeanMethods = false)
class NoNulInText {

    static final String MESSAGE_KEY = "error.nul";

    static boolean holdsNul(String text) {
        return text != null && text.indexOf('\0') >= 0;
    }

    /** Registered by {@link WebConfiguration} for every handler. */
    static HandlerInterceptor parameters() {
        return new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                Problems problems = new Problems();
                for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
                    boolean nul = holdsNul(parameter.getKey());
                    for (String value : parameter.getValue()) {
                        nul |= holdsNul(value);
                    }
                    problems.check(!nul, parameter.getKey().replace('\0', '?'), MESSAGE_KEY);
                }
                problems.throwIfAny();
                return true;
            }
        };
    }

    /** Every string Jackson reads from a request body, in records, lists and maps alike. */
    @Bean
    JacksonModule json() {
        SimpleModule module = new SimpleModule("reach-no-nul-in-text");
        module.addDeserializer(String.class, new StdDeserializer<String>(String.class) {
            @Override
            public String deserialize(JsonParser parser, DeserializationContext context) {
                String text = StringDeserializer.instance.deserialize(parser, context);
                if (holdsNul(text)) {
                    throw context.weirdStringException(text, String.class, MESSAGE_KEY);
                }
                return text;
            }
        });
        return module;
    }
}
