package org.reach.accounts;

public record TokenRequest(String name, Integer validForDays) {
}
