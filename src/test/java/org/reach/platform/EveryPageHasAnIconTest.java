package org.reach.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** Browsers ask every page for an icon: the sign-in page names one, and it is served to anyone, signed in or not. */
@SpringBootTest
@AutoConfigureMockMvc
class EveryPageHasAnIconTest {

    @Autowired MockMvc mvc;

    @Test
    void theIconIsLinkedAndServedWithoutSigningIn() throws Exception {
        String login = mvc.perform(get("/login")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(login).contains("rel=\"icon\" href=\"/favicon.ico\"");
        byte[] icon = mvc.perform(get("/favicon.ico")).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(icon).as("an ICO file starts with reserved 0 and type 1").startsWith(0, 0, 1, 0);
    }
}
