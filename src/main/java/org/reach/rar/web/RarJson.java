package org.reach.rar.web;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes data for the map scripts into pages as JSON that cannot close its script element. */
@Component("rarJson")
public class RarJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public String write(Object value) {
        return JSON.writeValueAsString(value).replace("</", "<\\/").replace("<!--", "<\\!--");
    }
}
