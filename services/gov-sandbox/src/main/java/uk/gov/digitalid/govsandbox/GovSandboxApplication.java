package uk.gov.digitalid.govsandbox;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * DEV ONLY. Serves HMRC- and DVLA-shaped APIs with known test identities (the way HMRC's Developer
 * Hub sandbox offers test users), so gov-connectors can be developed and tested without the real
 * upstreams. Fault knobs under {@code /sandbox/faults} add latency and failures.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GovSandboxApplication {

    public static void main(String[] args) {
        SpringApplication.run(GovSandboxApplication.class, args);
    }
}
