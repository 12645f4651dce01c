package nl.draagvlak.console;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The login page (Spring Security checks what it posts) and the page for a role short. */
@Controller
class LoginController {

    @GetMapping("/login")
    String login() {
        return "console/login";
    }

    /** Any method: a refused form post is forwarded here as the post it was. */
    @RequestMapping("/console/denied")
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String denied() {
        return "console/denied";
    }
}
