package org.reach.followup;

import java.time.LocalDate;
import java.util.List;

/**
 * Why one client is due for contact: a reason code, its message (with arguments shown as text), the day it
 * started and a risk weight from 1 to 100 (higher is seen first; see {@link Reason} for follow-up's own weights).
 */
public record DueReason(long clientId, String code, String messageKey, List<Object> args, LocalDate since, int weight) {

    public static final int MAX_WEIGHT = 100;

    public DueReason {
        args = List.copyOf(args);
        if (weight < 1 || weight > MAX_WEIGHT) {
            throw new IllegalArgumentException("A risk weight is between 1 and 100: " + weight);
        }
    }

    public Object[] arguments() {
        return args.toArray();
    }
}
