package org.reach.earlywarning;

public enum DrugForm { POWDER, CRYSTAL, PILL, LIQUID, RESIN, HERB, OTHER }
