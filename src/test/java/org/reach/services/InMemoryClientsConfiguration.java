package org.reach.services;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Stands in for the client registry in the services tests. Import it explicitly; it is primary so it also
 * wins where the real registry is present.
 */
@TestConfiguration(proxyBeanMethods = false)
public class InMemoryClientsConfiguration {

    @Bean
    @Primary
    InMemoryClients inMemoryClients() {
        return new InMemoryClients();
    }
}
