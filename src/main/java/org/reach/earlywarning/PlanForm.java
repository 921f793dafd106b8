package org.reach.earlywarning;

import java.util.List;

public record PlanForm(String series, String title, List<ContingencyPlan.Item> items) {

    public PlanForm {
        items = items == null ? List.of() : items;
    }
}
