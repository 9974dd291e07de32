package uk.gov.digitalid.platformctl;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import uk.gov.digitalid.platformctl.cli.DiffCommand;
import uk.gov.digitalid.platformctl.cli.ImageCommand;
import uk.gov.digitalid.platformctl.cli.LocalCommand;
import uk.gov.digitalid.platformctl.cli.PromoteCommand;
import uk.gov.digitalid.platformctl.cli.RenderCommand;
import uk.gov.digitalid.platformctl.cli.VerifyCommand;

/**
 * {@code platformctl}: the operator CLI of the GitOps loop. Exit codes: 0 all good, 1 findings or a
 * refusal, 2 a usage or tool error.
 */
@Command(name = "platformctl", mixinStandardHelpOptions = true, version = "platformctl 0.1.0",
        description = "Render, verify and promote the digital identity platform's environments.",
        subcommands = {RenderCommand.class, VerifyCommand.class, DiffCommand.class, ImageCommand.class, PromoteCommand.class, LocalCommand.class})
public class PlatformCtl {

    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;

    @Option(names = "--repo", description = "The repository root (default: found from the current directory).")
    Path repo;

    public Path repository() {
        Path start = repo != null ? repo.toAbsolutePath() : Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("gitops/overlays"))) {
                return dir;
            }
        }
        throw new CommandLine.ParameterException(new CommandLine(this), "no gitops/overlays in " + start + " or above: run from the repository");
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The command line with platformctl's error handling: a failure is one line on stderr and exit 2. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new PlatformCtl());
        cli.setExecutionExceptionHandler((e, line, parse) -> {
            line.getErr().println(line.getColorScheme().errorText("platformctl: " + e.getMessage()));
            return USAGE;
        });
        cli.setExitCodeExceptionMapper(e -> USAGE);
        return cli;
    }
}
