package org.reach.services;

/** One service given in an encounter. Quantity defaults to 1; result and linkage only for result services. */
public record ServiceLine(String code, Integer quantity, TestResult result, Boolean linked) {

    public static ServiceLine of(String code, int quantity) {
        return new ServiceLine(code, quantity, null, null);
    }
}
