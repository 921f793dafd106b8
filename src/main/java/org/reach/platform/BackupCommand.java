package org.reach.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.h2.tools.Restore;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.Environment;

/**
 * {@code java -jar reach.jar backup --to FILE} and {@code java -jar reach.jar restore --from FILE}, on the database
 * Reach is configured for (same profiles, environment and settings as the application itself).
 * <ul>
 * <li>H2: an online {@code BACKUP TO} (a consistent zip, while Reach runs); restore unpacks it with H2's
 * {@code Restore} into the configured directory, which must hold no database yet (stop Reach first).</li>
 * <li>PostgreSQL: {@code pg_dump --format=custom}; restore with {@code pg_restore} into an empty database.
 * Both must be on the PATH, from the server's major version or newer.</li>
 * </ul>
 * Answers the process exit code.
 */
public final class BackupCommand {

    private static final Pattern POSTGRES = Pattern.compile("jdbc:postgresql://([^/:?]+)(?::(\\d+))?/([^?]+).*");

    private BackupCommand() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && (args[0].equals("backup") || args[0].equals("restore"));
    }

    public static int run(String[] args) {
        String command = args[0];
        String flag = command.equals("backup") ? "--to" : "--from";
        int at = Arrays.asList(args).indexOf(flag);
        if (at < 0 || at + 1 >= args.length) {
            System.err.println("usage: java -jar reach.jar backup --to FILE | restore --from FILE");
            return 2;
        }
        Path file = Path.of(args[at + 1]).toAbsolutePath();
        List<String> settings = new ArrayList<>(List.of(args).subList(1, args.length));
        settings.removeAll(List.of(flag, args[at + 1]));
        Environment env;
        try {
            env = configuration(settings);
        } catch (RuntimeException unconfigured) {
            System.err.println(command + " failed: " + unconfigured.getMessage());
            return 1;
        }
        try {
            String url = env.getRequiredProperty("spring.datasource.url");
            String username = env.getProperty("spring.datasource.username", "");
            String password = env.getProperty("spring.datasource.password", "");
            if (command.equals("backup")) {
                backup(url, username, password, file);
                System.out.println("Backed up " + describe(url) + " to " + file);
            } else {
                restore(url, username, password, file);
                System.out.println("Restored " + file + " into " + describe(url));
            }
            return 0;
        } catch (IOException | SQLException | RuntimeException failure) {
            System.err.println(command + " failed: " + failure.getMessage());
            return 1;
        }
    }

    /** Reach's configuration exactly as the application would see it, without starting anything. */
    private static Environment configuration(List<String> settings) {
        AtomicReference<ConfigurableEnvironment> prepared = new AtomicReference<>();
        SpringApplication application = new SpringApplicationBuilder(org.reach.ReachApplication.class)
                .web(WebApplicationType.NONE)
                .listeners((ApplicationListener<ApplicationEnvironmentPreparedEvent>) event -> {
                    prepared.set(event.getEnvironment());
                    throw new SpringApplication.AbandonedRunException();
                })
                .build();
        List<String> quiet = new ArrayList<>(settings);
        quiet.add("--spring.main.banner-mode=off");
        try {
            application.run(quiet.toArray(String[]::new));
        } catch (SpringApplication.AbandonedRunException expected) {
            // the environment is all this command needs
        }
        if (prepared.get() == null) {
            throw new IllegalStateException("cannot read Reach's configuration");
        }
        return prepared.get();
    }

    static void backup(String url, String username, String password, Path file) throws IOException, SQLException {
        Files.createDirectories(file.getParent());
        if (url.startsWith("jdbc:h2:")) {
            try (Connection connection = DriverManager.getConnection(url, username, password);
                 PreparedStatement backup = connection.prepareStatement("BACKUP TO ?")) {
                backup.setString(1, file.toString());
                backup.execute();
            }
        } else {
            Matcher postgres = postgres(url);
            exec(List.of("pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file=" + file,
                    "--host=" + postgres.group(1), "--port=" + port(postgres), "--username=" + username, postgres.group(3)),
                    password);
        }
    }

    static void restore(String url, String username, String password, Path file) throws IOException, SQLException {
        if (!Files.isReadable(file)) {
            throw new IOException("cannot read " + file);
        }
        if (url.startsWith("jdbc:h2:file:")) {
            String location = url.substring("jdbc:h2:file:".length()).split(";", 2)[0];
            Path database = Path.of(location).toAbsolutePath();
            Path dir = database.getParent();
            String name = database.getFileName().toString();
            if (Files.exists(dir.resolve(name + ".mv.db"))) {
                throw new IOException(dir.resolve(name + ".mv.db") + " exists: restore into an empty data directory"
                        + " (move the old one aside, with Reach stopped)");
            }
            Files.createDirectories(dir);
            Restore.execute(file.toString(), dir.toString(), name);
        } else if (url.startsWith("jdbc:postgresql:")) {
            Matcher postgres = postgres(url);
            exec(List.of("pg_restore", "--exit-on-error", "--no-owner", "--no-privileges", "--single-transaction",
                    "--host=" + postgres.group(1), "--port=" + port(postgres), "--username=" + username,
                    "--dbname=" + postgres.group(3), file.toString()), password);
        } else {
            throw new IllegalArgumentException("restore works on an H2 file database or PostgreSQL, not " + describe(url));
        }
    }

    private static Matcher postgres(String url) {
        Matcher postgres = POSTGRES.matcher(url);
        if (!postgres.matches()) {
            throw new IllegalArgumentException("not a PostgreSQL or H2 file URL: " + describe(url));
        }
        return postgres;
    }

    private static String port(Matcher postgres) {
        return postgres.group(2) == null ? "5432" : postgres.group(2);
    }

    private static void exec(List<String> command, String password) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        // The password goes to the child through its environment, never on its command line.
        builder.environment().put("PGPASSWORD", password);
        Process process = builder.start();
        try {
            if (!process.waitFor(6, TimeUnit.HOURS) || process.exitValue() != 0) {
                throw new IOException(command.get(0) + " failed (exit " + (process.isAlive() ? "timeout" : process.exitValue()) + ")");
            }
        } catch (InterruptedException interrupted) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new IOException(command.get(0) + " was interrupted");
        }
    }

    /** The URL without its settings, for messages. */
    private static String describe(String url) {
        return url.split("[;?]", 2)[0];
    }
}
