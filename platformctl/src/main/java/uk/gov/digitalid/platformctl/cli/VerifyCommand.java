package uk.gov.digitalid.platformctl.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import uk.gov.digitalid.platformctl.PlatformCtl;
import uk.gov.digitalid.platformctl.render.Environments;
import uk.gov.digitalid.platformctl.render.Kustomize;
import uk.gov.digitalid.platformctl.report.Ansi;
import uk.gov.digitalid.platformctl.report.Reports;
import uk.gov.digitalid.platformctl.verify.Verification;
import uk.gov.digitalid.platformctl.verify.Verifier;

@Command(name = "verify", description = {
        "Check environments before merge: every rendered object through the admission policies of policies/ (offline, as the API server would),",
        "the cross-resource rules, and the flows the NetworkPolicies allow against gitops/intent/call-graph.yaml.",
        "Exit 0 when all pass, 1 on findings, 2 on a usage or tool error."})
public class VerifyCommand implements Callable<Integer> {

    public enum Format { text, json, junit, sarif }

    @ParentCommand PlatformCtl parent;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "<env>", arity = "0..*", description = "Environments to check (default: all).")
    List<String> envs = new ArrayList<>();

    @Option(names = "--format", description = "text (default), json, junit or sarif.")
    Format format = Format.text;

    @Override
    public Integer call() {
        Environments environments = new Environments(parent.repository(), Kustomize.onPath());
        List<String> which = envs.isEmpty() ? environments.names() : envs;
        Verifier verifier = new Verifier(environments);
        which.forEach(environments::overlay);
        List<Verification> results = verifier.verifyAll(which);
        PrintWriter out = spec.commandLine().getOut();
        out.print(switch (format) {
            case text -> Reports.text(results, Ansi.detect().on());
            case json -> Reports.json(results);
            case junit -> Reports.junit(results);
            case sarif -> Reports.sarif(results);
        });
        out.flush();
        return results.stream().allMatch(Verification::passed) ? PlatformCtl.OK : PlatformCtl.FINDINGS;
    }
}
