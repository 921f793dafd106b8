package org.reach.demo;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells the person who started the demo where to open Reach and how to sign in. */
@Component
@ConditionalOnProperty(name = "reach.demo.enabled", havingValue = "true")
class ReadyBanner {

    private static final Logger log = LoggerFactory.getLogger(ReadyBanner.class);

    private final Environment environment;
    private final String password;

    ReadyBanner(Environment environment, @Value("${reach.demo.password}") String password) {
        this.environment = environment;
        this.password = password;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        String port = environment.getProperty("local.server.port", "8080");
        log.info("""

                ================================================================
                 Reach is ready:  http://localhost:{}/
                 Demo log-ins (password for all: {}):
                   admin            system administrator
                   coordinator      programme coordinator
                   karachi.manager  organisation manager (Karachi)
                   karachi.site     site manager (Karachi)
                   karachi.me       M&E officer (Karachi)
                   karachi.peer     outreach worker (Karachi)
                   mombasa.manager  organisation manager (Mombasa)
                   mombasa.peer     outreach worker (Mombasa)
                 API documentation: http://localhost:{}/swagger-ui/index.html
                ================================================================""", port, password, port);
    }
}
