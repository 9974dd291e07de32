package uk.gov.digitalid.fraud.auditlog;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditLogConfiguration {

    @Bean
    @ConditionalOnProperty("fraud.verify-audit-chain")
    ChainCheckCommand chainCheckCommand(ChainVerification chain, ApplicationContext context) {
        return new ChainCheckCommand(chain, System.out, code -> System.exit(SpringApplication.exit(context, () -> code)));
    }
}
