package nl.draagvlak;

import nl.draagvlak.check.CheckCommand;
import nl.draagvlak.check.ImpactCommand;
import nl.draagvlak.ruleset.RulesetWarmup;
import nl.draagvlak.security.PasswordHashCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Starts the decision service, or, with {@code check} as first argument, runs the policy owners'
 * check (compile and lint the rules, run every scenario), or with {@code impact} what changed rules
 * would change in past decisions, without starting the service; with {@code hash-password}, prints
 * the bcrypt form of the password read from standard input.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DraagvlakApplication {

    public static void main(String[] args) {
        if (args.length > 0 && "check".equals(args[0])) {
            System.exit(new CheckCommand(System.out).run(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && "impact".equals(args[0])) {
            System.exit(new ImpactCommand(System.out).run(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        if (args.length > 0 && "hash-password".equals(args[0])) {
            System.exit(PasswordHashCommand.run(System.in, System.out, System.err));
        }
        SpringApplication application = new SpringApplication(DraagvlakApplication.class);
        application.addListeners(new RulesetWarmup());
        application.run(args);
    }
}
