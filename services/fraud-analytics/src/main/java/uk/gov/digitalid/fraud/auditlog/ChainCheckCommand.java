package uk.gov.digitalid.fraud.auditlog;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar fraud-analytics-exec.jar --fraud.verify-audit-chain} (what {@code platformctl}
 * runs): walks the chain, prints one JSON line, and exits 0 when intact, 1 at the first broken row.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ChainCheckCommand implements ApplicationRunner {

    private final ChainVerification chain;
    private final ApplicationContext context;

    ChainCheckCommand(ChainVerification chain, ApplicationContext context) {
        this.chain = chain;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!args.containsOption("fraud.verify-audit-chain")) {
            return;
        }
        ChainReport report = chain.verifyAll();
        System.out.println(report.intact()
                ? "{\"intact\":true,\"rowsChecked\":" + report.rowsChecked() + "}"
                : "{\"intact\":false,\"rowsChecked\":" + report.rowsChecked() + ",\"firstBrokenId\":" + report.firstBrokenId()
                        + ",\"problem\":\"" + report.problem() + "\"}");
        int code = report.intact() ? 0 : 1;
        System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> code));
    }
}
