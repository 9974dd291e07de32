package uk.gov.digitalid.fraud;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Consumes every audit event: keeps the tamper-evident audit log, scores risk, raises fraud alerts. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FraudAnalyticsApplication {

    public static void main(String[] args) {
        SpringApplication.run(FraudAnalyticsApplication.class, args);
    }
}
