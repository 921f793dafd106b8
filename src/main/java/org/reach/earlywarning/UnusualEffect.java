package org.reach.earlywarning;

public enum UnusualEffect { NONE, OVERDOSE, HEAVY_SEDATION, SLOW_BREATHING, WOUNDS, AGITATION_PSYCHOSIS, OTHER }
