package org.reach.platform;

import java.util.Set;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

import tools.jackson.databind.json.JsonMapper;

/**
 * Hands data to page scripts without inline script: {@code th:data-chart="${#json.of(chart)}"} writes the value as
 * JSON into an attribute, which Thymeleaf escapes like any attribute, and the script under {@code static/js} reads
 * it with {@code JSON.parse(element.dataset.chart)}. Whatever a record's name holds stays text.
 */
@Component
class PageDataDialect extends AbstractDialect implements IExpressionObjectDialect {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    PageDataDialect() {
        super("reach-page-data");
    }

    /** The {@code #json} expression object. */
    public static final class Json {

        public String of(Object value) {
            return JSON.writeValueAsString(value);
        }
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        Json json = new Json();
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of("json");
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return "json".equals(expressionObjectName) ? json : null;
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }
}
