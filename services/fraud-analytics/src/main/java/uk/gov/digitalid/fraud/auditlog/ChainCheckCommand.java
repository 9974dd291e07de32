package uk.gov.digitalid.fraud.auditlog;

import java.io.PrintStream;
import java.util.function.IntConsumer;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar fraud-analytics-exec.jar --fraud.verify-audit-chain} (what {@code platformctl}
 * runs): walks the chain, prints the report as one JSON line and exits 0 when intact, 1 when broken.
 */
public class ChainCheckCommand implements ApplicationRunner {

    private final ChainVerification chain;
    private final PrintStream out;
    private final IntConsumer exit;

    public ChainCheckCommand(ChainVerification chain, PrintStream out, IntConsumer exit) {
        this.chain = chain;
        this.out = out;
        this.exit = exit;
    }

    @Override
    public void run(ApplicationArguments args) {
        ChainReport report = chain.verifyAll();
        out.println(JsonMapper.builder().build().writeValueAsString(report));
        exit.accept(report.intact() ? 0 : 1);
    }
}
