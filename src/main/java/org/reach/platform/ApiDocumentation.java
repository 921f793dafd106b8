package org.reach.platform;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI reachOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Reach API").version("1")
                        .description("Harm-reduction programme information system. Authenticate with a personal API token "
                                + "(My account → Personal API tokens) sent as 'Authorization: Bearer <token>'. Errors are "
                                + "RFC 9457 problem JSON; invalid input lists every field with its reason."))
                .components(new Components().addSecuritySchemes("token",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")));
    }
}
