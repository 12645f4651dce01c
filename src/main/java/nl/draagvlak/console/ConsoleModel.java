package nl.draagvlak.console;

import java.security.Principal;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every console page knows of its reader: name and roles, for the navigation and the actions shown. */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
class ConsoleModel {

    /** The signed-in reader; the server checks every action again, this only decides what is shown. */
    record Reader(String name, boolean audit, boolean rulesAdmin, boolean decide) {

        public boolean seesConsole() {
            return audit || rulesAdmin;
        }

        static Reader of(Principal principal) {
            if (!(principal instanceof Authentication authentication)) {
                return null;
            }
            boolean audit = false;
            boolean rulesAdmin = false;
            boolean decide = false;
            for (var authority : authentication.getAuthorities()) {
                switch (authority.getAuthority()) {
                    case "audit" -> audit = true;
                    case "rules-admin" -> rulesAdmin = true;
                    case "decide" -> decide = true;
                    default -> { }
                }
            }
            return new Reader(authentication.getName(), audit, rulesAdmin, decide);
        }
    }

    @ModelAttribute("reader")
    Reader reader(Principal principal) {
        return Reader.of(principal);
    }
}
