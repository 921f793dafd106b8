package org.reach.rar;

public record MultiplierForm(String service, Integer serviceCount, Integer respondents, Integer users) {
}
