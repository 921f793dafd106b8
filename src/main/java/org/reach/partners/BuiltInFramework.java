package org.reach.partners;

import java.util.List;

/**
 * The framework the Kenya mission assessed partners against: eight domains, each question scored 1–4 with
 * an anchored description of every level. Content is data (English, with its translations in
 * {@link BuiltInFrameworkTranslations}); a coordinator versions it in Reach.
 */
final class BuiltInFramework {

    static final String NAME = "Partner organisational and service assessment";

    record Q(String code, String text, String a1, String a2, String a3, String a4) {

        List<String> anchors() {
            return List.of(a1, a2, a3, a4);
        }
    }

    record D(String code, String name, List<Q> questions) {
    }

    private BuiltInFramework() {
    }

    /** The built-in question with this code, or null. */
    static Q question(String code) {
        return DOMAINS.stream().flatMap(d -> d.questions().stream()).filter(q -> q.code().equals(code)).findFirst()
                .orElse(null);
    }

    static final List<D> DOMAINS = List.of(
            new D("GOVERNANCE", "Governance and leadership", List.of(
                    new Q("GOV1", "The board provides oversight and meets regularly",
                            "No functioning board", "Board exists but rarely meets or only on paper",
                            "Board meets regularly and reviews plans and budgets", "Active board with clear roles, minutes and term limits, including community members"),
                    new Q("GOV2", "Strategy and annual plans guide the work",
                            "No written strategy or plan", "Plan exists but is not used",
                            "Current strategic and annual plans used to set priorities", "Plans developed with staff and community and reviewed against results"),
                    new Q("GOV3", "Leadership is shared and succession is prepared",
                            "All decisions rest with one person", "Some delegation, no succession plan",
                            "Management team shares decisions", "Second-line leaders developed and a succession plan in place"))),
            new D("FINANCE", "Finance", List.of(
                    new Q("FIN1", "Bookkeeping and financial procedures",
                            "No accounting records", "Basic cash book, no written procedures",
                            "Double-entry accounts and a finance manual followed", "Accounting software, segregation of duties and monthly reconciliations"),
                    new Q("FIN2", "Budgeting and financial reporting",
                            "No budget", "Budget made for donors only",
                            "Budget versus actual reviewed quarterly", "Budgets drive decisions; timely, accurate reports to every donor"),
                    new Q("FIN3", "Audit and funding base",
                            "Never audited; one donor", "Occasional audit; depends on one donor",
                            "Annual external audit; several donors", "Clean annual audits, reserves and a diversified funding strategy"))),
            new D("HUMAN_RESOURCES", "Human resources", List.of(
                    new Q("HR1", "Job descriptions, contracts and policies",
                            "None in place", "Some contracts, no HR policy",
                            "Contracts and job descriptions for all staff; HR policy", "HR policy applied consistently, including for peer workers"),
                    new Q("HR2", "Supervision and staff development",
                            "No supervision", "Irregular supervision",
                            "Regular supervision and annual appraisals", "Supportive supervision, development plans and training budget"),
                    new Q("HR3", "People who use drugs employed and valued as staff",
                            "Not employed", "Only as unpaid volunteers",
                            "Employed as paid peer workers", "Peers in paid roles at all levels, including management"))),
            new D("MONITORING", "Monitoring and evaluation / data", List.of(
                    new Q("ME1", "Data collection tools and indicators",
                            "No routine data", "Paper registers without defined indicators",
                            "Standard tools and indicators used at all sites", "Unique identifier codes, electronic data and data-quality checks"),
                    new Q("ME2", "Use of data for decisions",
                            "Data not used", "Data collected for donor reports only",
                            "Data reviewed monthly by managers", "Data reviewed with staff and community; plans adjusted accordingly"),
                    new Q("ME3", "Confidentiality of client data",
                            "Names kept openly", "Some protection, names still recorded",
                            "Coded records and locked storage", "Coded records, access control and audit of who reads client data"))),
            new D("SERVICE_QUALITY", "Service quality and the comprehensive package", List.of(
                    new Q("SQ1", "Coverage of the comprehensive package (needles and syringes, OST, HIV testing, ART, condoms, hepatitis, TB)",
                            "One service or none", "Two or three services",
                            "Most services directly or by referral", "Full package with tracked referrals and follow-up"),
                    new Q("SQ2", "Outreach reaches hidden groups",
                            "No outreach", "Ad hoc outreach",
                            "Planned peer outreach with mapping of hot spots", "Peer-led outreach reaching women, young people and people in prison"),
                    new Q("SQ3", "Service standards and client feedback",
                            "No standards", "Standards exist on paper",
                            "Standards applied and supervised", "Client feedback gathered and used to improve services"))),
            new D("HARM_REDUCTION", "Harm-reduction approach (vs abstinence-only)", List.of(
                    new Q("HRA1", "Services accept people who continue to use drugs",
                            "Abstinence is a condition for help", "Harm reduction accepted in principle only",
                            "Services offered without requiring abstinence", "Low-threshold services meet people where they are"),
                    new Q("HRA2", "Staff attitudes and knowledge of harm reduction",
                            "Staff see drug use as a moral failing", "Mixed attitudes, little training",
                            "Staff trained in harm reduction", "Non-judgemental practice, refreshed training, peers as trainers"),
                    new Q("HRA3", "Opioid substitution therapy and naloxone access",
                            "Not available or opposed", "Referral only, rarely used",
                            "Active referral and follow-up", "Provided or co-located, with naloxone distribution"))),
            new D("HUMAN_RIGHTS", "Human rights and community involvement", List.of(
                    new Q("HRC1", "Rights violations are documented and addressed",
                            "Not recognised", "Known informally, not documented",
                            "Documented and referred to legal aid", "Systematic documentation, legal support and crisis response"),
                    new Q("HRC2", "Community of people who use drugs involved in decisions",
                            "Not involved", "Consulted occasionally",
                            "Represented in planning and review", "Community-led structures share decisions"),
                    new Q("HRC3", "Gender and diversity in services",
                            "No attention", "Recognised but not acted on",
                            "Services adapted for women and other groups", "Gender-sensitive services with women peer workers and safe spaces"))),
            new D("ADVOCACY", "Advocacy and partnerships", List.of(
                    new Q("ADV1", "Advocacy with government and police",
                            "None", "Occasional meetings",
                            "Planned advocacy with clear asks", "Recognised voice in national policy, results achieved"),
                    new Q("ADV2", "Networks and referral partnerships",
                            "Works alone", "Informal contacts",
                            "Written referral agreements", "Active networks, joint planning and shared learning"),
                    new Q("ADV3", "Evidence used in advocacy",
                            "No evidence used", "Anecdotes only",
                            "Programme data used in advocacy", "Own data and research shape public debate"))));
}
