import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.sparkify.dwh.handlers.CheckStatementHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Cold-start benchmark for the Lambda package (see bench/README.md; run by bench/lambda-cold-start.sh).
 *
 * <p>{@code --child}: what one sample runs, in a fresh JVM whose classpath is the unzipped package plus
 * this class: {@code new CheckStatementHandler()} then one {@code handleRequest}, as Lambda's runtime
 * does, printing epoch-millisecond timestamps. Without it: print the package figures, then run the
 * samples in child JVMs and print the figures. Only the child mode touches the package's classes.
 */
public final class LambdaColdStart {

    /** The stub's DescribeStatement answer names this statement (see the mapping in lambda-cold-start.sh). */
    static final String STATEMENT_ID = "d9b6c0c9-0747-4bf4-b142-e8883122f766";
    static final String TARGET = "RedshiftData.DescribeStatement";

    public static void main(String[] args) throws Exception {
        long mainAt = System.currentTimeMillis();
        if (args.length == 1 && args[0].equals("--child")) {
            Child.run(mainAt);
        } else {
            orchestrate(args);
        }
    }

    /** One sample: the handler's whole cold path, timed from inside the fresh JVM. */
    static final class Child {
        static void run(long mainAt) throws IOException {
            CheckStatementHandler handler = new CheckStatementHandler(); // what the runtime does in Init
            long constructedAt = System.currentTimeMillis();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] event = ("{\"statementId\":\"" + STATEMENT_ID + "\"}").getBytes(StandardCharsets.UTF_8);
            handler.handleRequest(new ByteArrayInputStream(event), out, new BenchContext());
            long respondedAt = System.currentTimeMillis();
            // Read after the response: the management classes are not loaded on the measured path.
            long jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
            String response = out.toString(StandardCharsets.UTF_8);
            if (!response.contains("\"status\":\"FINISHED\"") || !response.contains(STATEMENT_ID)) {
                System.out.println("LCS-ERROR unexpected response: " + response);
                System.exit(2);
            }
            System.out.println("LCS " + jvmStart + " " + mainAt + " " + constructedAt + " " + respondedAt);
            System.exit(0); // like a frozen Lambda sandbox, don't wait for the SDK's idle threads
        }
    }

    /** What the runtime passes: fixed values for one 512 MB function with a 30 s timeout. */
    static final class BenchContext implements Context {
        public String getAwsRequestId() { return "00000000-0000-4000-8000-000000000001"; }
        public String getLogGroupName() { return "/aws/lambda/sparkify-dwh/CheckStatementFunction"; }
        public String getLogStreamName() { return "2026/01/01/[1]00000000000000000000000000000000"; }
        public String getFunctionName() { return "sparkify-dwh-CheckStatementFunction"; }
        public String getFunctionVersion() { return "1"; }
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:us-east-1:123456789012:function:sparkify-dwh-CheckStatementFunction:live";
        }
        public CognitoIdentity getIdentity() { return null; }
        public ClientContext getClientContext() { return null; }
        public int getRemainingTimeInMillis() { return 30_000; }
        public int getMemoryLimitInMB() { return 512; }
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                public void log(String message) { System.out.print(message); }
                public void log(byte[] message) { System.out.print(new String(message, StandardCharsets.UTF_8)); }
            };
        }
    }

    // ---- orchestrator: runs in its own JVM, uses only the JDK ----

    static void orchestrate(String[] args) throws Exception {
        int samples = 5;
        String endpoint = null, classpath = null, zip = null;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--samples" -> samples = Integer.parseInt(args[i + 1]);
                case "--endpoint" -> endpoint = args[i + 1];
                case "--classpath" -> classpath = args[i + 1];
                case "--package" -> zip = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (endpoint == null || classpath == null || zip == null || samples < 1) {
            throw new IllegalArgumentException(
                    "usage: LambdaColdStart --package ZIP --classpath CP --endpoint URL [--samples N]");
        }
        printPackage(zip);
        warmStub(endpoint);

        String java = ProcessHandle.current().info().command().orElse("java");
        String[][] configs = {{}, {"-XX:+TieredCompilation", "-XX:TieredStopAtLevel=1"}};
        String[] labels = {"java", "java -XX:+TieredCompilation -XX:TieredStopAtLevel=1"};
        long[][][] figures = new long[configs.length][samples][]; // {main, constructed, response, wall}
        System.out.printf("%nCold start of CheckStatementHandler: a fresh JVM per sample, classpath = the unzipped package%n"
                + "+ driver, DescribeStatement answered by WireMock via AWS_ENDPOINT_URL_REDSHIFT_DATA. Milliseconds%n"
                + "from JVM start (RuntimeMXBean start time); wall = process launch to exit, as seen by the parent.%n%n");
        System.out.printf("flags: plain = java with the JVM's defaults; C1 = -XX:+TieredCompilation -XX:TieredStopAtLevel=1,%n"
                + "       which Lambda's java17 and java21 runtimes set by default%n%n");
        System.out.printf("%6s  %-6s %6s %12s %15s %6s%n", "sample", "flags", "main", "constructed", "first response", "wall");
        for (int s = 0; s < samples; s++) {
            for (int c = 0; c < configs.length; c++) { // interleaved, so drift hits both alike
                figures[c][s] = sample(java, configs[c], classpath, lambdaEnvironment(endpoint));
                long[] f = figures[c][s];
                System.out.printf("%6d  %-6s %6d %12d %15d %6d%n", s + 1, c == 0 ? "plain" : "C1", f[0], f[1], f[2], f[3]);
            }
        }
        System.out.printf("%nmin / median / max over %d samples (ms)%n", samples);
        System.out.printf("%-52s %18s %20s %20s %20s%n", "flags", "JVM start → main", "→ constructed",
                "→ first response", "process wall");
        for (int c = 0; c < configs.length; c++) {
            StringBuilder line = new StringBuilder(String.format("%-52s", labels[c]));
            for (int k = 0; k < 4; k++) {
                line.append(String.format(k == 0 ? " %18s" : " %20s", stats(figures[c], k)));
            }
            System.out.println(line);
        }
        long served = count(endpoint);
        System.out.printf("%nstub served %d DescribeStatement requests (expected %d: one per sample)%n",
                served, samples * configs.length);
        if (served != (long) samples * configs.length) {
            throw new IllegalStateException("the handler did not call the stub once per sample");
        }
    }

    static void printPackage(String zip) throws IOException {
        long zipped = new java.io.File(zip).length(), unzipped = 0;
        List<ZipEntry> jars = new ArrayList<>();
        try (ZipFile file = new ZipFile(zip)) {
            for (ZipEntry e : java.util.Collections.list(file.entries())) {
                unzipped += Math.max(0, e.getSize());
                if (e.getName().startsWith("lib/") && e.getName().endsWith(".jar")) {
                    jars.add(e);
                }
            }
        }
        jars.sort((a, b) -> Long.compare(b.getSize(), a.getSize()));
        System.out.printf("package  %s%n", zip);
        System.out.printf("  zip size        %,12d bytes (%.1f MiB)%n", zipped, zipped / 1048576.0);
        System.out.printf("  unzipped size   %,12d bytes (%.1f MiB)%n", unzipped, unzipped / 1048576.0);
        System.out.printf("  jars in lib/    %12d%n", jars.size());
        System.out.println("  biggest jars");
        for (ZipEntry e : jars.subList(0, Math.min(5, jars.size()))) {
            System.out.printf("    %,12d  %s%n", e.getSize(), e.getName().substring(4));
        }
    }

    /** The variables Lambda and template.yaml set, with fake credentials; nothing is inherited. */
    static Map<String, String> lambdaEnvironment(String endpoint) {
        String noFile = "/nonexistent/aws-config";
        return Map.ofEntries(
                Map.entry("AWS_ENDPOINT_URL_REDSHIFT_DATA", endpoint),
                Map.entry("AWS_REGION", "us-east-1"), Map.entry("AWS_DEFAULT_REGION", "us-east-1"),
                Map.entry("AWS_ACCESS_KEY_ID", "AKIDBENCHFAKE0000000"),
                Map.entry("AWS_SECRET_ACCESS_KEY", "fake-secret-for-the-cold-start-bench"),
                Map.entry("AWS_SESSION_TOKEN", "fake-session-token"),
                // No profile files and no instance metadata, as on Lambda.
                Map.entry("AWS_CONFIG_FILE", noFile), Map.entry("AWS_SHARED_CREDENTIALS_FILE", noFile),
                Map.entry("AWS_EC2_METADATA_DISABLED", "true"),
                Map.entry("AWS_EXECUTION_ENV", "AWS_Lambda_java21"),
                Map.entry("AWS_LAMBDA_FUNCTION_NAME", "sparkify-dwh-CheckStatementFunction"),
                Map.entry("AWS_LAMBDA_FUNCTION_VERSION", "1"), Map.entry("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "512"),
                Map.entry("AWS_LAMBDA_INITIALIZATION_TYPE", "on-demand"),
                Map.entry("_HANDLER", "com.sparkify.dwh.handlers.CheckStatementHandler::handleRequest"),
                Map.entry("TZ", ":UTC"), Map.entry("LANG", "en_US.UTF-8"),
                Map.entry("REDSHIFT_CLUSTER_ID", "sparkify"), Map.entry("REDSHIFT_DATABASE", "dev"),
                Map.entry("COPY_IAM_ROLE_ARN", "arn:aws:iam::123456789012:role/sparkify-copy"),
                Map.entry("DATA_BUCKET", "sparkify-bench-data"), Map.entry("WORK_BUCKET", "sparkify-bench-work"),
                Map.entry("POWERTOOLS_SERVICE_NAME", "sparkify-dwh"),
                Map.entry("POWERTOOLS_METRICS_NAMESPACE", "Sparkify"), Map.entry("POWERTOOLS_LOG_LEVEL", "INFO"));
    }

    /** One fresh JVM; returns {main, constructed, first response} from JVM start and the process wall time. */
    static long[] sample(String java, String[] flags, String classpath, Map<String, String> env) throws Exception {
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(Arrays.asList(flags));
        command.addAll(List.of("-cp", classpath, "LambdaColdStart", "--child"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        long launched = System.nanoTime();
        Process process = builder.start();
        String output;
        try (InputStream in = process.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("a sample did not finish in 120 s:\n" + output);
        }
        long wall = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - launched);
        String line = output.lines().filter(l -> l.startsWith("LCS ")).findFirst().orElse(null);
        if (process.exitValue() != 0 || line == null) {
            throw new IllegalStateException("a sample failed (exit " + process.exitValue() + "):\n" + output);
        }
        long[] t = Arrays.stream(line.substring(4).trim().split(" ")).mapToLong(Long::parseLong).toArray();
        return new long[] {t[1] - t[0], t[2] - t[0], t[3] - t[0], wall};
    }

    static String stats(long[][] samples, int k) {
        long[] v = Arrays.stream(samples).mapToLong(f -> f[k]).sorted().toArray();
        long median = v.length % 2 == 1 ? v[v.length / 2] : Math.round((v[v.length / 2 - 1] + v[v.length / 2]) / 2.0);
        return v[0] + " / " + median + " / " + v[v.length - 1];
    }

    /** WireMock's own first requests are slow (its JIT): warm it, then forget those requests. */
    static void warmStub(String endpoint) throws Exception {
        for (int i = 0; i < 30; i++) {
            HttpURLConnection c = post(endpoint + "/", TARGET, "{\"Id\":\"" + STATEMENT_ID + "\"}");
            if (c.getResponseCode() != 200) {
                throw new IllegalStateException("the stub at " + endpoint + " answered " + c.getResponseCode());
            }
            c.getInputStream().readAllBytes();
        }
        HttpURLConnection reset = (HttpURLConnection) URI.create(endpoint + "/__admin/requests").toURL().openConnection();
        reset.setRequestMethod("DELETE");
        if (reset.getResponseCode() != 200) {
            throw new IllegalStateException("cannot reset the stub's request journal: " + reset.getResponseCode());
        }
    }

    static long count(String endpoint) throws IOException {
        HttpURLConnection c = post(endpoint + "/__admin/requests/count", null,
                "{\"method\":\"POST\",\"url\":\"/\",\"headers\":{\"X-Amz-Target\":{\"equalTo\":\"" + TARGET + "\"}}}");
        String body = new String(c.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return Long.parseLong(body.replaceAll("[^0-9]", ""));
    }

    static HttpURLConnection post(String url, String target, String body) throws IOException {
        HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
        c.setRequestMethod("POST");
        c.setDoOutput(true);
        c.setRequestProperty("Content-Type", "application/json");
        if (target != null) {
            c.setRequestProperty("X-Amz-Target", target);
        }
        try (OutputStream o = c.getOutputStream()) {
            o.write(body.getBytes(StandardCharsets.UTF_8));
        }
        return c;
    }
}
