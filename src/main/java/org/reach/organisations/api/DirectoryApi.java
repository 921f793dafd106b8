package org.reach.organisations.api;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reach.organisations.Organisation;
import org.reach.organisations.OrganisationDirectory;
import org.reach.organisations.OrganisationForm;
import org.reach.organisations.Programme;
import org.reach.organisations.ProgrammeForm;
import org.reach.organisations.Site;
import org.reach.organisations.SiteForm;
import org.reach.platform.ReachUser;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "Organisations", description = "Programmes, organisations and sites")
@SecurityRequirement(name = "token")
class DirectoryApi {

    private final OrganisationDirectory directory;

    DirectoryApi(OrganisationDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/programmes")
    @Operation(summary = "Programmes the caller may see")
    List<Programme> programmes(@AuthenticationPrincipal ReachUser me) {
        return directory.programmes(me);
    }

    @GetMapping("/programmes/{id}")
    Programme programme(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        return directory.programme(me, id);
    }

    @PostMapping("/programmes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a programme (administrators)")
    Programme createProgramme(@AuthenticationPrincipal ReachUser me, @RequestBody ProgrammeForm form) {
        return directory.createProgramme(me, form);
    }

    @PutMapping("/programmes/{id}")
    Programme updateProgramme(@AuthenticationPrincipal ReachUser me, @PathVariable long id, @RequestBody ProgrammeForm form) {
        return directory.updateProgramme(me, id, form);
    }

    @PostMapping("/programmes/{id}/deactivate")
    Programme deactivateProgramme(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        return directory.setProgrammeActive(me, id, false);
    }

    @PostMapping("/programmes/{id}/activate")
    Programme activateProgramme(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        return directory.setProgrammeActive(me, id, true);
    }

    @GetMapping("/organisations")
    @Operation(summary = "Organisations the caller may see")
    List<Organisation> organisations(@AuthenticationPrincipal ReachUser me) {
        return directory.organisations(me);
    }

    @GetMapping("/organisations/{id}")
    Organisation organisation(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        return directory.organisation(me, id);
    }

    @PostMapping("/organisations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an organisation (administrators)")
    Organisation createOrganisation(@AuthenticationPrincipal ReachUser me, @RequestBody OrganisationForm form) {
        return directory.createOrganisation(me, form);
    }

    @PutMapping("/organisations/{id}")
    @Operation(summary = "Update an organisation (administrators, its organisation managers)")
    Organisation updateOrganisation(@AuthenticationPrincipal ReachUser me, @PathVariable long id,
                                    @RequestBody OrganisationForm form) {
        return directory.updateOrganisation(me, id, form);
    }

    @PostMapping("/organisations/{id}/deactivate")
    Organisation deactivateOrganisation(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        return directory.setOrganisationActive(me, id, false);
    }

    @PostMapping("/organisations/{id}/activate")
    Organisation activateOrganisation(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        return directory.setOrganisationActive(me, id, true);
    }

    @GetMapping("/sites")
    @Operation(summary = "Sites the caller may see, optionally of one organisation; city is null for sites recorded "
            + "before cities were kept")
    List<Site> sites(@AuthenticationPrincipal ReachUser me, @RequestParam(required = false) Long organisationId) {
        return directory.sites(me, organisationId);
    }

    @GetMapping("/sites/{id}")
    Site site(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        return directory.site(me, id);
    }

    @PostMapping("/sites")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a site (administrators, organisation managers); city is required, at most 100 characters")
    Site createSite(@AuthenticationPrincipal ReachUser me, @RequestBody SiteForm form) {
        return directory.createSite(me, form);
    }

    @PutMapping("/sites/{id}")
    @Operation(summary = "Update a site (administrators, organisation managers, its site managers); city is required, "
            + "at most 100 characters")
    Site updateSite(@AuthenticationPrincipal ReachUser me, @PathVariable long id, @RequestBody SiteForm form) {
        return directory.updateSite(me, id, form);
    }

    @PostMapping("/sites/{id}/deactivate")
    Site deactivateSite(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        return directory.setSiteActive(me, id, false);
    }

    @PostMapping("/sites/{id}/activate")
    Site activateSite(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        return directory.setSiteActive(me, id, true);
    }
}
