package uk.gov.digitalid.portal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page. */
@Controller
class StartController {

    @GetMapping("/")
    String start() {
        return "start";
    }
}
