package uk.gov.digitalid.platformctl.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import uk.gov.digitalid.platformctl.PlatformCtl;
import uk.gov.digitalid.platformctl.render.Environments;
import uk.gov.digitalid.platformctl.render.Kustomize;

@Command(name = "render", description = "Print an environment's overlay rendered with kustomize (kustomize build, else kubectl kustomize).")
public class RenderCommand implements Callable<Integer> {

    @ParentCommand PlatformCtl parent;
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "<env>", description = "dev, staging or prod")
    String env;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(new Environments(parent.repository(), Kustomize.onPath()).render(env));
        spec.commandLine().getOut().flush();
        return PlatformCtl.OK;
    }
}
