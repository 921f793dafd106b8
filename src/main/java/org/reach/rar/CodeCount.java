package org.reach.rar;

import java.util.Map;

/** How many notes carry one code, in total and per subgroup. */
public record CodeCount(FindingCode code, int total, Map<Subgroup, Integer> bySubgroup) {
}
