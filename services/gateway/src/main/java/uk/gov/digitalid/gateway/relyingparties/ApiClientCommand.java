package uk.gov.digitalid.gateway.relyingparties;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * {@code java -jar gateway.jar --gateway.create-api-client="Example Bank"}: creates a relying-party
 * client, prints its key once on standard output (never to the log) and exits.
 */
public class ApiClientCommand implements ApplicationRunner {

    private final ApiClients clients;
    private final String name;
    private final Runnable exit;

    public ApiClientCommand(ApiClients clients, String name, Runnable exit) {
        this.clients = clients;
        this.name = name;
        this.exit = exit;
    }

    @Override
    public void run(ApplicationArguments args) {
        String key = clients.create(name);
        System.out.println("API key for " + name + " (shown once, store it now): " + key);
        exit.run();
    }
}
