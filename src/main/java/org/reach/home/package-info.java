/**
 * The start page: who you are, where you work and where to go next.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Home", allowedDependencies = {"platform", "organisations", "audit", "accounts"})
package org.reach.home;
