package org.reach.infections;

import java.util.List;

/**
 * What an infection record is, and which coded answers it takes: a result (a test's result, a wound's severity,
 * SVR12 or a WHO TB treatment outcome), a detail (body site, HCV regimen, TB test type, vaccine dose), and for
 * wounds the treatment given and antibiotics. An empty list means the record takes no such answer.
 */
public enum InfectionKind {
    WOUND_ASSESSMENT(Family.WOUND, List.of("MILD", "MODERATE", "SEVERE"),
            List.of("ARM", "HAND", "LEG", "FOOT", "GROIN", "NECK", "BUTTOCK", "OTHER")),
    HCV_ANTIBODY_TEST(Family.HCV, List.of("POSITIVE", "NEGATIVE", "INVALID"), List.of()),
    HCV_RNA_TEST(Family.HCV, List.of("DETECTED", "NOT_DETECTED"), List.of()),
    HCV_TREATMENT_START(Family.HCV, List.of(), List.of("SOFOSBUVIR_DACLATASVIR", "SOFOSBUVIR_VELPATASVIR", "OTHER")),
    HCV_TREATMENT_COMPLETION(Family.HCV, List.of(), List.of()),
    HCV_SVR12(Family.HCV, List.of("CURED", "NOT_CURED"), List.of()),
    HBSAG_TEST(Family.HBV, List.of("POSITIVE", "NEGATIVE", "INVALID"), List.of()),
    HBV_VACCINATION(Family.HBV, List.of(), List.of("DOSE_1", "DOSE_2", "DOSE_3", "BOOSTER")),
    TB_SCREENING(Family.TB, List.of("POSITIVE", "NEGATIVE"), List.of()),
    TB_DIAGNOSIS(Family.TB, List.of("DETECTED", "NOT_DETECTED"), List.of("GENEXPERT", "SMEAR", "XRAY", "CLINICAL")),
    TB_TREATMENT_START(Family.TB, List.of(), List.of()),
    TB_TREATMENT_OUTCOME(Family.TB, List.of("CURED", "COMPLETED", "FAILED", "DIED", "LOST_TO_FOLLOW_UP",
            "NOT_EVALUATED"), List.of());

    /** Which cascade (or none) a kind belongs to. */
    public enum Family { WOUND, HCV, HBV, TB }

    public static final List<String> WOUND_TREATMENTS = List.of("CLEANED_DRESSED", "DRAINED", "REFERRED", "NONE");
    public static final List<String> ANTIBIOTICS = List.of("GIVEN", "REFERRED", "NONE");

    private final Family family;
    private final List<String> results;
    private final List<String> details;

    InfectionKind(Family family, List<String> results, List<String> details) {
        this.family = family;
        this.results = results;
        this.details = details;
    }

    public Family family() {
        return family;
    }

    public List<String> results() {
        return results;
    }

    public List<String> details() {
        return details;
    }

    public boolean isWound() {
        return this == WOUND_ASSESSMENT;
    }

    public String messageKey() {
        return "infection.kind." + name();
    }

    /** The message of a result or detail code of this kind. */
    public String codeKey(String code) {
        return code == null ? null : "infection.code." + code;
    }
}
