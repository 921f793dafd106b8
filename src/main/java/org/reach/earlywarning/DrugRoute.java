package org.reach.earlywarning;

public enum DrugRoute { SMOKING, INJECTING, SNIFFING, SWALLOWING, OTHER }
