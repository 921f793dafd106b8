package org.reach.services;

/**
 * Per organisation: how many returned syringes weigh one kilogram. The default is a placeholder that each
 * organisation must calibrate by weighing a counted sample of its usual containers and syringes.
 */
public record ServiceSettings(long organisationId, double syringesPerKg) {

    public static final double DEFAULT_SYRINGES_PER_KG = 200.0;
}
