/**
 * Infections and blood-borne viruses: wound and abscess assessments, hepatitis C and B testing with HCV treatment
 * and cure, TB screening, diagnosis and treatment, and the HCV, TB and HIV care cascades drawn from the suppressed
 * indicator tables. Client-level records never leave their organisation.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Infections",
        allowedDependencies = {"platform", "audit", "organisations", "clients", "indicators"})
package org.reach.infections;
