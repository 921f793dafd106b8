package org.reach.organisations.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.reach.organisations.MapBackground;
import org.reach.organisations.MapBackgroundForm;
import org.reach.organisations.MapBackgrounds;
import org.reach.platform.ReachUser;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/organisations/{id}/map-background")
@Tag(name = "Organisations", description = "Programmes, organisations and sites")
@SecurityRequirement(name = "token")
class MapBackgroundApi {

    private final MapBackgrounds backgrounds;

    MapBackgroundApi(MapBackgrounds backgrounds) {
        this.backgrounds = backgrounds;
    }

    @GetMapping
    @Operation(summary = "The organisation's map background: NATURAL_EARTH (default), TILE_SERVER or PMTILES")
    MapBackground background(@AuthenticationPrincipal ReachUser me, @PathVariable long id) {
        return backgrounds.background(me, id);
    }

    @PutMapping
    @Operation(summary = "Choose the map background and its attribution (organisation managers, administrators)")
    MapBackground choose(@AuthenticationPrincipal ReachUser me, @PathVariable long id, @RequestBody MapBackgroundForm form) {
        return backgrounds.choose(me, id, form);
    }

    @PutMapping(path = "/pmtiles", consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    @Operation(summary = "Upload a raster PMTiles v3 file (PNG, JPEG or WebP tiles) as the body; it becomes the background")
    MapBackground upload(@AuthenticationPrincipal ReachUser me, @PathVariable long id,
                         @RequestParam(name = "name", required = false) String name,
                         @RequestParam(name = "attribution", required = false) String attribution,
                         HttpServletRequest request) {
        try (InputStream body = request.getInputStream()) {
            return backgrounds.upload(me, id, name, body, attribution);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
