package io.covenant.shared.cli;

import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;

/**
 * A one-shot task of the same binary: when its option is on the command line ({@code --option=value}), it runs once
 * the application has started and then ends the process with the task's exit status; otherwise it does nothing.
 */
public abstract class CommandLineTask implements ApplicationRunner {

    private final String option;

    private final ApplicationContext context;

    protected CommandLineTask(String option, ApplicationContext context) {
        this.option = option;
        this.context = context;
    }

    @Override
    public final void run(ApplicationArguments args) throws Exception {
        if (!args.containsOption(option)) {
            return;
        }
        int status = execute(args.getOptionValues(option));
        System.exit(SpringApplication.exit(context, () -> status));
    }

    /** Does the work for the option's values (empty for a bare flag); returns the process's exit status. An exception fails the start-up. */
    protected abstract int execute(List<String> values) throws Exception;
}
