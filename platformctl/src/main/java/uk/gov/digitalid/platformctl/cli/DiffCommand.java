package uk.gov.digitalid.platformctl.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import uk.gov.digitalid.platformctl.PlatformCtl;
import uk.gov.digitalid.platformctl.manifests.Manifests;
import uk.gov.digitalid.platformctl.render.EnvironmentDiff;
import uk.gov.digitalid.platformctl.render.Environments;
import uk.gov.digitalid.platformctl.render.Kustomize;

@Command(name = "diff", description = "What differs between two environments' rendered output: images, scaling, config and objects.")
public class DiffCommand implements Callable<Integer> {

    @ParentCommand PlatformCtl parent;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "<envA>") String left;
    @Parameters(index = "1", paramLabel = "<envB>") String right;

    @Option(names = "--markdown", description = "Markdown tables, for a pull request comment.")
    boolean markdown;

    @Override
    public Integer call() {
        Environments environments = new Environments(parent.repository(), Kustomize.onPath());
        Manifests a = Manifests.parse(environments.render(left));
        Manifests b = Manifests.parse(environments.render(right));
        spec.commandLine().getOut().print(EnvironmentDiff.text(left, right,
                EnvironmentDiff.between(a, Environments.namespace(a), b, Environments.namespace(b)), markdown));
        spec.commandLine().getOut().flush();
        return PlatformCtl.OK;
    }
}
