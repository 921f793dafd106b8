/**
 * Drug market watch and early warning: drug reports from peers, staff and drug checking, weekly series per site,
 * city and programme, aberration detection that matches R's surveillance package (EARS C1-C3, farringtonFlexible),
 * alerts with their evidence, contingency-plan checklists and printable warning flyers, and trends for planning
 * (new clients by drug and route, prices, next quarter's commodity needs).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Early warning",
        allowedDependencies = {"platform", "audit", "organisations", "rar", "indicators", "clients", "services",
                "outreach"})
package org.reach.earlywarning;
