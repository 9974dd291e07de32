package uk.gov.digitalid.gateway.admin;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * {@code java -jar gateway.jar --gateway.create-operator=ops@example.gov.uk}: creates an operator
 * (role ADMIN), prints the password and the authenticator ({@code otpauth://}) secret once on
 * standard output (never to the log) and exits. The only way an operator account comes to exist.
 */
public class OperatorCommand implements ApplicationRunner {

    private final Operators operators;
    private final String email;
    private final Runnable exit;

    public OperatorCommand(Operators operators, String email, Runnable exit) {
        this.operators = operators;
        this.email = email;
        this.exit = exit;
    }

    @Override
    public void run(ApplicationArguments args) {
        Operators.Created created = operators.create(email);
        System.out.println("Operator " + created.operator().email() + " (role ADMIN). Shown once, store them now:");
        System.out.println("  password:      " + created.password());
        System.out.println("  TOTP secret:   " + created.totpSecret());
        System.out.println("  authenticator: " + Totp.uri("DigitalIdentityAdmin", created.operator().email(), created.totpSecret()));
        exit.run();
    }
}
