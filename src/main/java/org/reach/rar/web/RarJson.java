package org.reach.rar.web;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes data for the map scripts into pages as JSON that cannot close its script element. */
@Component
class RarJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    String write(Object value) {
        return JSON.writeValueAsString(value).replace("</", "<\\/").replace("<!--", "<\\!--");
    }
}
