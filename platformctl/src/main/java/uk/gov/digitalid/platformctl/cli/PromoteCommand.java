package uk.gov.digitalid.platformctl.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import uk.gov.digitalid.platformctl.PlatformCtl;
import uk.gov.digitalid.platformctl.images.ImageFile;
import uk.gov.digitalid.platformctl.images.Promotion;
import uk.gov.digitalid.platformctl.render.Environments;
import uk.gov.digitalid.platformctl.render.Kustomize;
import uk.gov.digitalid.platformctl.report.Reports;
import uk.gov.digitalid.platformctl.verify.Verification;
import uk.gov.digitalid.platformctl.verify.Verifier;

@Command(name = "promote", description = {"Copy image digests from one environment to the next, verify the target, and commit the change",
        "(one commit, each service's old -> new digest, trailers for the source environment and commit). Refuses on a dirty tree",
        "or a failing verify; --dry-run shows the change only."})
public class PromoteCommand implements Callable<Integer> {

    @ParentCommand PlatformCtl parent;
    @Spec CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "<env>") String from;
    @Option(names = "--to", required = true, paramLabel = "<env>") String to;
    @Option(names = "--service", paramLabel = "<service>", description = "Only these services (repeatable; default: all).")
    List<String> services = new ArrayList<>();
    @Option(names = "--dry-run", description = "Show what would change; write and commit nothing.") boolean dryRun;

    @Override
    public Integer call() throws Exception {
        Path repository = parent.repository();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Promotion promotion = new Promotion(repository);
        List<Promotion.Change> changes;
        try {
            changes = promotion.plan(from, to, services);
        } catch (IllegalArgumentException e) {
            err.println("platformctl: " + e.getMessage());
            return PlatformCtl.USAGE;
        }
        if (changes.isEmpty()) {
            out.println(to + " already runs " + from + "'s images: nothing to promote");
            out.flush();
            return PlatformCtl.OK;
        }
        changes.forEach(c -> out.println(c.service() + ": " + c.from() + " -> " + c.to()));
        if (dryRun) {
            out.println("(dry run: nothing written)");
            out.flush();
            return PlatformCtl.OK;
        }
        try (Git git = Git.open(repository.toFile())) {
            try {
                Promotion.requireClean(git);
            } catch (IllegalStateException e) {
                err.println("platformctl: refusing to promote: " + e.getMessage());
                err.flush();
                return PlatformCtl.FINDINGS;
            }
            promotion.apply(from, to, changes);
            Verification verification = new Verifier(new Environments(repository, Kustomize.onPath())).verify(to);
            if (!verification.passed()) {
                git.checkout().addPath(repository.relativize(ImageFile.path(repository, to)).toString()).call();
                err.print(Reports.text(List.of(verification), false));
                err.println("platformctl: refusing to promote: " + to + " does not verify with these images (image file restored)");
                err.flush();
                return PlatformCtl.FINDINGS;
            }
            RevCommit commit = promotion.commit(git, from, to, changes);
            out.println("committed " + commit.abbreviate(10).name() + ": " + commit.getShortMessage());
        }
        out.flush();
        return PlatformCtl.OK;
    }
}
