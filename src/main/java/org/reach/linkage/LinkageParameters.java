package org.reach.linkage;

/**
 * The chosen parameters of linkage, in one place (docs/linkage.md explains each). The full-encoding threshold is the
 * one the quality test picked from its precision/recall curve (LinkageQualityTest); the basic encoding holds only
 * the code's four letters, sex and birth year, so it links only what is practically the same code.
 */
final class LinkageParameters {

    /** Dice (thousandths) at or above which two full encodings are the same person. */
    static final int FULL_THRESHOLD = 800;
    /** Dice (thousandths) at or above which two basic encodings (code letters, sex, year) are the same person. */
    static final int BASIC_THRESHOLD = 950;
    /** LSH: bands and sampled bits per band (see LshBlocking). */
    static final int LSH_BANDS = 24;
    static final int LSH_BITS = 20;

    private LinkageParameters() {
    }
}
