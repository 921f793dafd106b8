/**
 * Programmes, the organisations they group and the sites where those organisations serve people.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Organisations", allowedDependencies = {"platform", "audit"})
package org.reach.organisations;
