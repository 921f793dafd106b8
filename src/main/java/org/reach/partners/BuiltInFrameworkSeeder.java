package org.reach.partners;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Makes sure the built-in framework exists on every installation, before any demo data. */
@Component
@Order(1)
class BuiltInFrameworkSeeder implements ApplicationRunner {

    private final AssessmentFramework framework;

    BuiltInFrameworkSeeder(AssessmentFramework framework) {
        this.framework = framework;
    }

    @Override
    public void run(ApplicationArguments args) {
        framework.ensureBuiltIn();
    }
}
