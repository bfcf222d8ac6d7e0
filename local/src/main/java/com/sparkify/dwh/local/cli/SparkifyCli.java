package com.sparkify.dwh.local.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./sparkify}: run the pipeline locally, query the result, generate data. */
@Command(
        name = "sparkify",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Loads the Sparkify song and log data into a star schema: locally on DuckDB,"
                + " with the same SQL and steps as on Amazon Redshift.",
        subcommands = {RunCommand.class, QueryCommand.class, LedgerCommand.class, ReportCommand.class, GenerateCommand.class, AwsCommand.class, CommandLine.HelpCommand.class})
public final class SparkifyCli {

    static {
        // Before anything logs: the handlers' Lambda logging (JSON on stdout) would bury the report.
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile", "log4j2-cli.xml");
        }
        // Log4j registers its MBeans by default, which loads the JMX platform: a tenth of a second at start.
        if (System.getProperty("log4j2.disable.jmx") == null) {
            System.setProperty("log4j2.disable.jmx", "true");
        }
    }

    public static void main(String[] args) {
        Warmup.start();
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new SparkifyCli());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("sparkify " + cmd.getCommandName() + ": " + oneLine(e));
            return 1;
        });
        return commandLine;
    }

    static String oneLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replace('\n', ' ').strip();
    }
}
