package org.reach.accounts.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class AccountsWebConfiguration implements WebMvcConfigurer {

    private final FreshPrincipal freshPrincipal;

    AccountsWebConfiguration(FreshPrincipal freshPrincipal) {
        this.freshPrincipal = freshPrincipal;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(freshPrincipal).excludePathPatterns("/css/**", "/js/**", "/webjars/**", "/error");
    }
}
