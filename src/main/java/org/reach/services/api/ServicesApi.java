package org.reach.services.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reach.platform.ReachUser;
import org.reach.services.ServiceCatalogue;
import org.reach.services.ServiceDefinition;
import org.reach.services.ServiceForm;
import org.reach.services.ServiceSettings;
import org.springframework.http.HttpStatus;
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
@RequestMapping("/api/services")
@Tag(name = "Services", description = "The service catalogue: the comprehensive package and an organisation's own services")
@SecurityRequirement(name = "token")
class ServicesApi {

    private final ServiceCatalogue catalogue;

    ServicesApi(ServiceCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping
    @Operation(summary = "Built-in services and the caller's organisation's own, retired ones included")
    List<ServiceDefinition> services(@AuthenticationPrincipal ReachUser me) {
        return catalogue.services(me);
    }

    @GetMapping("/{id}")
    ServiceDefinition service(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        return catalogue.service(me, id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an own service (organisation managers)")
    ServiceDefinition create(@AuthenticationPrincipal ReachUser me, @RequestBody ServiceForm form) {
        return catalogue.create(me, form);
    }

    @PostMapping("/{id}/retire")
    @Operation(summary = "Retire an own service: refused for new encounters, kept for history")
    ServiceDefinition retire(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        return catalogue.setActive(me, id, false);
    }

    @PostMapping("/{id}/reinstate")
    ServiceDefinition reinstate(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        return catalogue.setActive(me, id, true);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an own service that no encounter has used; used services can only be retired")
    void delete(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        catalogue.delete(me, id);
    }

    @GetMapping("/settings")
    @Operation(summary = "The organisation's syringes-per-kilogram factor for returned needles")
    ServiceSettings settings(@AuthenticationPrincipal ReachUser me) {
        return catalogue.settings(me);
    }

    @PutMapping("/settings")
    @Operation(summary = "Change the syringes-per-kilogram factor (organisation managers)")
    ServiceSettings saveSettings(@AuthenticationPrincipal ReachUser me, @RequestBody SettingsBody body) {
        return catalogue.saveSettings(me, body.syringesPerKg());
    }

    record SettingsBody(Double syringesPerKg) {
    }
}
