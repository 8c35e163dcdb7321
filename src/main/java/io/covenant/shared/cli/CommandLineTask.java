package io.covenant.shared.cli;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;

/**
 * A one-shot task of the same binary: when its option is on the command line ({@code --option=value}), it runs once
 * the application has started and then ends the process with the task's exit status; otherwise it does nothing. A
 * module declares one as a component that passes its work to the constructor.
 */
public abstract class CommandLineTask implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CommandLineTask.class);

    /** The work for the option's values (empty for a bare flag); returns the process's exit status. */
    @FunctionalInterface
    protected interface Work {
        int run(List<String> values) throws Exception;
    }

    private final String option;

    private final ApplicationContext context;

    private final Work work;

    protected CommandLineTask(String option, ApplicationContext context, Work work) {
        this.option = option;
        this.context = context;
        this.work = work;
    }

    /**
     * Runs the work if the option is given. A runtime failure ends the process with status 1 and its message logged;
     * a checked exception fails the start-up.
     */
    @Override
    public final void run(ApplicationArguments args) throws Exception {
        if (!args.containsOption(option)) {
            return;
        }
        int status;
        try {
            status = work.run(args.getOptionValues(option));
        } catch (RuntimeException ex) {
            log.error("--{} failed: {}", option, ex.getMessage());
            status = 1;
        }
        int exit = status;
        System.exit(SpringApplication.exit(context, () -> exit));
    }
}
