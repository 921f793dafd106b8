package org.reach.accounts.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reach.accounts.AccountForm;
import org.reach.accounts.Accounts;
import org.reach.accounts.ApiToken;
import org.reach.accounts.ApiTokens;
import org.reach.accounts.CreatedAccount;
import org.reach.accounts.IssuedToken;
import org.reach.accounts.TokenRequest;
import org.reach.accounts.UserAccount;
import org.reach.platform.BearerToken;
import org.reach.platform.ReachUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "Accounts", description = "Staff accounts and personal API tokens")
@SecurityRequirement(name = "token")
class AccountsApi {

    private final Accounts accounts;
    private final ApiTokens tokens;

    AccountsApi(Accounts accounts, ApiTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @GetMapping("/me")
    @Operation(summary = "The caller's own account")
    UserAccount me(@AuthenticationPrincipal ReachUser me) {
        return accounts.me(me);
    }

    @GetMapping("/me/tokens")
    List<ApiToken> myTokens(@AuthenticationPrincipal ReachUser me) {
        return tokens.mine(me);
    }

    @PostMapping("/me/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a personal API token; the secret is returned once",
            description = "validForDays: 1 to 366, 90 when left out. A token issued by another token ends no later "
                    + "than it and is revoked with it.")
    IssuedToken issueToken(@AuthenticationPrincipal ReachUser me, Authentication authentication,
                           @RequestBody TokenRequest request) {
        if (authentication != null && authentication.getDetails() instanceof org.reach.platform.DeviceCredential) {
            // a field device acts for its peer in the field app only: it cannot mint credentials that outlive it
            throw new org.reach.platform.Forbidden("issue API tokens from a field device");
        }
        BearerToken parent = authentication != null && authentication.getDetails() instanceof BearerToken token ? token : null;
        return tokens.issue(me, request, parent);
    }

    @DeleteMapping("/me/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke one of the caller's tokens")
    void revokeToken(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        tokens.revoke(me, id);
    }

    @GetMapping("/accounts")
    @Operation(summary = "Accounts the caller manages")
    List<UserAccount> accounts(@AuthenticationPrincipal ReachUser me) {
        return accounts.list(me);
    }

    @GetMapping("/accounts/{id}")
    UserAccount account(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        return accounts.account(me, id);
    }

    @PostMapping("/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an account; the one-time password is returned once")
    CreatedAccount create(@AuthenticationPrincipal ReachUser me, @RequestBody AccountForm form) {
        return accounts.create(me, form);
    }

    @PutMapping("/accounts/{id}")
    UserAccount update(@AuthenticationPrincipal ReachUser me, @PathVariable long id, @RequestBody AccountForm form) {
        return accounts.update(me, id, form);
    }

    @PostMapping("/accounts/{id}/reset-password")
    @Operation(summary = "Reset someone else's password: ends their sessions and revokes their tokens",
            description = "The one-time password is returned once, except to an administrator resetting an "
                    + "organisation's account: then temporaryPassword is null, awaitingManager is true, and one of "
                    + "the organisation's managers issues it from their start page.")
    CreatedAccount resetPassword(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        return accounts.resetPassword(me, id);
    }

    @PostMapping("/accounts/{id}/unlock")
    UserAccount unlock(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        return accounts.unlock(me, id);
    }

    @PostMapping("/accounts/{id}/deactivate")
    UserAccount deactivate(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        return accounts.setActive(me, id, false);
    }

    @PostMapping("/accounts/{id}/activate")
    UserAccount activate(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        return accounts.setActive(me, id, true);
    }
}
