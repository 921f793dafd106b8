package org.reach.earlywarning;

public enum AlertStatus { OPEN, ACKNOWLEDGED, CLOSED }
