package org.reach.accounts;

public record PasswordChange(String currentPassword, String newPassword, String confirmation) {

    public static PasswordChange empty() {
        return new PasswordChange("", "", "");
    }
}
