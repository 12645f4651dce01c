package nl.draagvlak.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * {@code java -jar draagvlak.jar hash-password}: reads a password from the first line of standard
 * input and prints it as {@code draagvlak.security.users.<name>.password} takes it,
 * {@code {bcrypt}$2a$10$...}. The password is never an argument, so it stays out of the shell's
 * history and the process list.
 */
public final class PasswordHashCommand {

    private PasswordHashCommand() {
    }

    public static int run(InputStream in, PrintStream out, PrintStream err) {
        try {
            String password = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            if (password == null || password.isEmpty()) {
                err.println("hash-password: give the password on standard input, e.g. read -rs P && printf '%s\\n' \"$P\" | java -jar target/draagvlak.jar hash-password");
                return 2;
            }
            if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
                err.println("hash-password: bcrypt takes at most 72 bytes of password");
                return 2;
            }
            out.println("{bcrypt}" + new BCryptPasswordEncoder().encode(password));
            return 0;
        } catch (IOException e) {
            err.println("hash-password: " + e.getMessage());
            return 1;
        }
    }
}
