package org.reach.organisations.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.reach.organisations.MapBackground;
import org.reach.organisations.MapBackgroundForm;
import org.reach.organisations.MapBackgroundKind;
import org.reach.organisations.MapBackgrounds;
import org.reach.organisations.MapTile;
import org.reach.organisations.Organisation;
import org.reach.organisations.OrganisationDirectory;
import org.reach.platform.FieldProblem;
import org.reach.platform.Forbidden;
import org.reach.platform.FormErrors;
import org.reach.platform.InvalidInput;
import org.reach.platform.ReachUser;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The organisation's map background: its settings page for the manager, the upload of a PMTiles file (the file is
 * sent as the request body by a script showing its progress, so a large file never waits whole in memory or in a
 * multipart buffer), the viewer's background for the map script, and the tiles themselves.
 */
@Controller
class MapBackgroundPages {

    private static final String PAGE = "organisations/map-background";

    private final MapBackgrounds backgrounds;
    private final OrganisationDirectory directory;
    private final MessageSource messages;

    MapBackgroundPages(MapBackgrounds backgrounds, OrganisationDirectory directory, MessageSource messages) {
        this.backgrounds = backgrounds;
        this.directory = directory;
        this.messages = messages;
    }

    @GetMapping("/organisations/{id}/map")
    String settings(@AuthenticationPrincipal ReachUser me, @PathVariable long id, Model model) {
        Organisation organisation = editable(me, id);
        model.addAttribute("form", MapBackgroundForm.of(backgrounds.background(me, id)));
        return page(me, organisation, model);
    }

    @PostMapping("/organisations/{id}/map")
    String choose(@AuthenticationPrincipal ReachUser me, @PathVariable long id,
                  @ModelAttribute("form") MapBackgroundForm form, BindingResult result, Model model) {
        Organisation organisation = editable(me, id);
        return FormErrors.submit(result, () -> {
            backgrounds.choose(me, id, form);
            return "redirect:/organisations/" + id + "/map?saved";
        }, () -> page(me, organisation, model));
    }

    /**
     * The file as the request body: 200 with where to go next, or 400 with the message to show beside the file field.
     */
    @PostMapping(path = "/organisations/{id}/map/pmtiles", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> upload(@AuthenticationPrincipal ReachUser me, @PathVariable long id,
                                               @RequestHeader(name = "X-File-Name", required = false) String fileName,
                                               @RequestParam(name = "attribution", required = false) String attribution,
                                               HttpServletRequest request, Locale locale) {
        editable(me, id);
        try {
            String name = decoded(fileName);
            backgrounds.upload(me, id, name, request.getInputStream(), attribution);
            return ResponseEntity.ok(Map.of("location", "/organisations/" + id + "/map?uploaded"));
        } catch (InvalidInput invalid) {
            Map<String, Object> problems = new LinkedHashMap<>();
            for (FieldProblem problem : invalid.problems()) {
                problems.put(problem.field(), messages.getMessage(problem.messageKey(), problem.arguments().toArray(),
                        problem.messageKey(), locale));
            }
            return ResponseEntity.badRequest().body(Map.of("problems", problems));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The background the signed-in person's maps draw, for map-background.js. */
    @GetMapping(path = "/map/background", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> viewerBackground(@AuthenticationPrincipal ReachUser me) {
        Map<String, Object> body = new LinkedHashMap<>();
        Optional<MapBackground> background = backgrounds.forViewer(me);
        body.put("kind", background.map(MapBackground::kind).orElse(MapBackgroundKind.NATURAL_EARTH));
        background.map(MapBackground::tileTemplate).ifPresent(t -> body.put("tiles", t));
        background.map(MapBackground::attribution).ifPresent(a -> body.put("attribution", a));
        background.filter(b -> b.kind() == MapBackgroundKind.PMTILES).map(MapBackground::pmtiles).ifPresent(p -> {
            body.put("minZoom", p.minZoom());
            body.put("maxZoom", p.maxZoom());
            body.put("bounds", List.of(List.of(p.south(), p.west()), List.of(p.north(), p.east())));
        });
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }

    /**
     * One tile of an organisation's uploaded file. A missing tile answers 204, which the map treats as a failed image
     * and lets the land show through; an organisation the person may not see answers 404.
     */
    @GetMapping("/map/tiles/{organisationId}/{z}/{x}/{y}")
    ResponseEntity<byte[]> tile(@AuthenticationPrincipal ReachUser me, @PathVariable long organisationId,
                                @PathVariable int z, @PathVariable long x, @PathVariable long y,
                                @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        Optional<MapTile> found = backgrounds.tile(me, organisationId, z, x, y);
        if (found.isEmpty()) {
            return ResponseEntity.noContent().cacheControl(CacheControl.noStore()).build();
        }
        MapTile tile = found.get();
        String etag = "\"" + tile.etag() + "\"";
        CacheControl cache = CacheControl.maxAge(Duration.ofHours(1)).cachePrivate();
        if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.contains("W/" + etag))) {
            return ResponseEntity.status(304).eTag(etag).cacheControl(cache).build();
        }
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().eTag(etag).cacheControl(cache)
                .contentType(MediaType.parseMediaType(tile.contentType()));
        if (tile.gzipped()) {
            answer.header(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        return answer.body(tile.bytes());
    }

    /** The script sends the file's name URL-encoded (a header is Latin-1); a name that does not decode is kept as sent. */
    private static String decoded(String fileName) {
        if (fileName == null) {
            return null;
        }
        try {
            return URLDecoder.decode(fileName, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notEncoded) {
            return fileName;
        }
    }

    private Organisation editable(ReachUser me, long id) {
        Organisation organisation = directory.organisation(me, id);
        if (!backgrounds.mayChange(me, id)) {
            throw new Forbidden("change map background");
        }
        return organisation;
    }

    private String page(ReachUser me, Organisation organisation, Model model) {
        model.addAttribute("organisation", organisation);
        model.addAttribute("background", backgrounds.background(me, organisation.id()));
        model.addAttribute("kinds", MapBackgroundKind.values());
        model.addAttribute("maxUpload", backgrounds.maxUploadText());
        return PAGE;
    }
}
