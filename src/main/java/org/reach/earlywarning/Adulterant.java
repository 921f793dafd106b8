package org.reach.earlywarning;

/** What drug checking, a lab or a seizure report found cut into a drug. */
public enum Adulterant { FENTANYL, NITAZENES, XYLAZINE, BENZODIAZEPINES, SYNTHETIC_CANNABINOIDS, OTHER }
