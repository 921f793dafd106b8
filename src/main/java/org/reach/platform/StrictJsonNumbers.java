package org.reach.platform;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/**
 * JSON numbers are taken as sent or refused: {@code 50.7} for a count is not stored as 50, {@code "50"} is not
 * a number and {@code 1990.5} is not a birth year. A refused value is answered with problem JSON naming its
 * path (e.g. {@code estimates[2].count}).
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonNumbers {

    @Bean
    JsonMapperBuilderCustomizer numbersAsSentOrRefused() {
        return builder -> builder
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .withCoercionConfig(LogicalType.Integer, strings -> strings.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, strings -> strings.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, strings -> strings.setCoercion(CoercionInputShape.String, CoercionAction.Fail));
    }
}
