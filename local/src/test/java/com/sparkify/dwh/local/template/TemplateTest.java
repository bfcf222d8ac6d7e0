package com.sparkify.dwh.local.template;

import com.sparkify.dwh.local.runtime.CfnYaml;

import static com.sparkify.dwh.local.template.Cfn.at;
import static com.sparkify.dwh.local.template.Cfn.getAtt;
import static com.sparkify.dwh.local.template.Cfn.list;
import static com.sparkify.dwh.local.template.Cfn.map;
import static com.sparkify.dwh.local.template.Cfn.properties;
import static com.sparkify.dwh.local.template.Cfn.ref;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * template.yaml against the code and the contract of issue 3 (research/issue3-contract.md): the
 * handlers it names exist, the state machine's placeholders and invocations line up with its
 * substitutions and policies, the IAM is narrow, and the environment is the one the handlers read.
 */
class TemplateTest {

    /** SAM logical id -> handler class (the contract's table). */
    static final Map<String, String> FUNCTIONS = new LinkedHashMap<>();

    static {
        FUNCTIONS.put("PlanRunFunction", "com.sparkify.dwh.handlers.PlanRunHandler");
        FUNCTIONS.put("CreateTablesFunction", "com.sparkify.dwh.handlers.CreateTablesHandler");
        FUNCTIONS.put("StageDatasetFunction", "com.sparkify.dwh.handlers.StageDatasetHandler");
        FUNCTIONS.put("LoadTableFunction", "com.sparkify.dwh.handlers.LoadTableHandler");
        FUNCTIONS.put("CheckStatementFunction", "com.sparkify.dwh.handlers.CheckStatementHandler");
        FUNCTIONS.put("CancelStatementFunction", "com.sparkify.dwh.handlers.CancelStatementHandler");
        FUNCTIONS.put("QualityChecksFunction", "com.sparkify.dwh.handlers.QualityChecksHandler");
        FUNCTIONS.put("PipelineLockFunction", "com.sparkify.dwh.handlers.PipelineLockHandler");
        FUNCTIONS.put("LedgerFunction", "com.sparkify.dwh.handlers.LedgerHandler");
    }

    /**
     * The functions that submit, poll or read Data API statements, and so must share one role (the
     * Plan step reads the rows of the ledger query another function submitted).
     */
    static final List<String> SQL_STEP_FUNCTIONS = List.of(
        "PlanRunFunction", "CreateTablesFunction", "StageDatasetFunction", "LoadTableFunction",
        "CheckStatementFunction", "CancelStatementFunction", "QualityChecksFunction", "PipelineLockFunction",
        "LedgerFunction");

    static final Set<String> ENVIRONMENT = Set.of(
        "REDSHIFT_CLUSTER_ID", "REDSHIFT_WORKGROUP", "REDSHIFT_DATABASE", "REDSHIFT_SECRET_ARN",
        "REDSHIFT_DB_USER", "COPY_IAM_ROLE_ARN", "DATA_BUCKET", "SONG_PREFIX", "LOG_PREFIX",
        "LOG_JSON_FORMAT", "DATA_REGION", "MAX_ERRORS", "WORK_BUCKET", "WORK_PREFIX",
        "POWERTOOLS_SERVICE_NAME", "POWERTOOLS_METRICS_NAMESPACE", "POWERTOOLS_LOG_LEVEL");

    /** Parameter -> default; null means required (no default). */
    static final Map<String, String> PARAMETERS = new LinkedHashMap<>();

    static {
        PARAMETERS.put("RedshiftClusterId", "");
        PARAMETERS.put("RedshiftWorkgroupArn", "");
        PARAMETERS.put("RedshiftDatabase", "dev");
        PARAMETERS.put("RedshiftSecretArn", "");
        PARAMETERS.put("RedshiftDbUser", "");
        PARAMETERS.put("CopyRoleArn", null);
        PARAMETERS.put("DataBucket", null);
        PARAMETERS.put("SongPrefix", "song_data/");
        PARAMETERS.put("LogPrefix", "log_data/");
        PARAMETERS.put("LogJsonFormat", "auto ignorecase");
        PARAMETERS.put("DataRegion", "");
        PARAMETERS.put("MaxErrors", "0");
        PARAMETERS.put("ScheduleExpression", "rate(1 day)");
        PARAMETERS.put("AlertEmail", "");
    }

    static final List<String> CONDITIONS = List.of(
        "UseCluster", "UseServerless", "HasSecret", "HasDbUser", "HasAlertEmail", "HasDataRegion");

    /**
     * The only actions that may be granted on Resource "*": they support no resource type. The
     * Data API's statement follow-ups, X-Ray, and CloudWatch Logs vended log delivery.
     */
    static final Set<String> ACTIONS_WITHOUT_RESOURCE_TYPE = Set.of(
        "redshift-data:DescribeStatement", "redshift-data:GetStatementResult", "redshift-data:CancelStatement",
        "xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules",
        "xray:GetSamplingTargets", "xray:GetSamplingStatisticSummaries",
        "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:UpdateLogDelivery", "logs:DeleteLogDelivery",
        "logs:ListLogDeliveries", "logs:PutResourcePolicy", "logs:DescribeResourcePolicies",
        "logs:DescribeLogGroups");

    static final String STATE_MACHINE = "EtlStateMachine";

    static Path root;
    static Map<String, Object> template;

    @BeforeAll
    static void loadTemplate() throws IOException {
        root = ProjectFiles.root();
        template = CfnYaml.load(root.resolve("template.yaml"));
    }

    static Stream<Arguments> functions() {
        return FUNCTIONS.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    // ------------------------------------------------------------------ functions and handlers

    @Test
    void isASamTemplate() {
        assertThat(template.get("AWSTemplateFormatVersion")).isEqualTo("2010-09-09");
        assertThat(list(template.get("Transform"))).contains("AWS::Serverless-2016-10-31");
    }

    @Test
    void declaresExactlyTheContractsFunctions() {
        assertThat(Cfn.resourcesOfType(template, "AWS::Serverless::Function").keySet())
            .containsExactlyInAnyOrderElementsOf(FUNCTIONS.keySet());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("functions")
    void handlerNamesTheContractsClassAndItsHandleRequest(String logicalId, String handlerClass) {
        assertThat(properties(template, logicalId).get("Handler")).isEqualTo(handlerClass + "::handleRequest");
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("functions")
    void handlerClassExistsAndIsARequestStreamHandler(String logicalId, String handlerClass) {
        Class<?> type;
        try {
            type = Class.forName(handlerClass, false, getClass().getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssertionError(logicalId + "'s handler " + handlerClass + " is not on the classpath", e);
        }
        assertThat(RequestStreamHandler.class.isAssignableFrom(type))
            .as("%s implements RequestStreamHandler", handlerClass)
            .isTrue();
    }

    @Test
    void globalsRunJava21OnArmWithSnapStartThroughTheLiveAlias() {
        Map<String, Object> globals = map(at(template, "Globals", "Function"));
        assertThat(globals.get("Runtime")).isEqualTo("java21");
        assertThat(list(globals.get("Architectures"))).containsExactly("arm64");
        assertThat(globals.get("AutoPublishAlias")).isEqualTo("live");
        assertThat(at(globals, "SnapStart", "ApplyOn")).isEqualTo("PublishedVersions");
        assertThat(globals.get("Tracing")).isEqualTo("Active");
        for (String id : FUNCTIONS.keySet()) {
            Map<String, Object> function = properties(template, id);
            assertThat(function).as(id).doesNotContainKeys("Runtime", "Architectures", "AutoPublishAlias", "SnapStart");
        }
    }

    @Test
    void sqlStepsAreSmallAndQuickAndPlanningHasRoomAndTime() {
        Map<String, Object> globals = map(at(template, "Globals", "Function"));
        assertThat(globals.get("MemorySize")).isEqualTo(512);
        assertThat(globals.get("Timeout")).isEqualTo(30);
        for (String id : SQL_STEP_FUNCTIONS) {
            if (!id.equals("PlanRunFunction")) {
                assertThat(properties(template, id)).as(id).doesNotContainKeys("MemorySize", "Timeout");
            }
        }
        assertThat(properties(template, "PlanRunFunction").get("MemorySize")).isEqualTo(1024);
        assertThat(properties(template, "PlanRunFunction").get("Timeout")).isEqualTo(300);
    }

    @Test
    void codeUriIsTheZipTheFunctionsModuleBuilds() throws Exception {
        Document pom = xml(root.resolve("functions/pom.xml"));
        Element assembly = null;
        NodeList plugins = pom.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            if ("maven-assembly-plugin".equals(childText(plugin, "artifactId"))) {
                assembly = plugin;
            }
        }
        assertThat(assembly).as("functions/pom.xml runs the maven-assembly-plugin").isNotNull();
        String finalName = firstText(assembly, "finalName");
        assertThat(firstText(assembly, "appendAssemblyId")).isEqualTo("false");
        Document descriptor = xml(root.resolve("functions").resolve(firstText(assembly, "descriptor")));
        assertThat(firstText(descriptor.getDocumentElement(), "format")).isEqualTo("zip");

        String codeUri = "functions/target/" + finalName + ".zip";
        assertThat(at(template, "Globals", "Function", "CodeUri")).isEqualTo(codeUri);
        for (String id : FUNCTIONS.keySet()) {
            assertThat(properties(template, id)).as(id).doesNotContainKey("CodeUri");
        }
    }

    @Test
    void everyFunctionGetsTheContractsEnvironment() {
        Map<String, Object> variables = map(at(template, "Globals", "Function", "Environment", "Variables"));
        assertThat(variables.keySet()).containsExactlyInAnyOrderElementsOf(ENVIRONMENT);
        assertThat(variables.get("POWERTOOLS_SERVICE_NAME")).isEqualTo("sparkify-dwh");
        assertThat(variables.get("POWERTOOLS_METRICS_NAMESPACE")).isEqualTo("Sparkify");
        assertThat(variables.get("POWERTOOLS_LOG_LEVEL")).isEqualTo("INFO");
        assertThat(ref(variables.get("WORK_BUCKET"))).contains("WorkBucket");
        for (String id : FUNCTIONS.keySet()) {
            Object own = at(properties(template, id), "Environment", "Variables");
            assertThat(map(own).keySet()).as("%s's own variables", id).isSubsetOf(ENVIRONMENT);
        }
    }

    @Test
    void manifestsGoUnderTheWorkPrefixWhichExpires() {
        Object prefix = at(template, "Globals", "Function", "Environment", "Variables", "WORK_PREFIX");
        assertThat(prefix).isInstanceOf(String.class);
        assertThat((String) prefix).endsWith("/");

        Map<String, Object> bucket = properties(template, "WorkBucket");
        assertThat(list(at(bucket, "LifecycleConfiguration", "Rules")))
            .anySatisfy(rule -> {
                Object rulePrefix = map(rule).containsKey("Prefix") ? map(rule).get("Prefix")
                    : at(rule, "Filter", "Prefix");
                assertThat(rulePrefix).isEqualTo(prefix);
                assertThat(map(rule).get("Status")).isEqualTo("Enabled");
                assertThat(map(rule).get("ExpirationInDays")).isInstanceOf(Integer.class);
            });
        assertThat(list(at(bucket, "BucketEncryption", "ServerSideEncryptionConfiguration"))).isNotEmpty();
        assertThat(map(bucket.get("PublicAccessBlockConfiguration")).values()).hasSize(4).containsOnly(true);

        // PlanRunFunction writes the manifests exactly there.
        List<IamStatements.Statement> puts = IamStatements.of(template).stream()
            .filter(s -> s.actions().contains("s3:PutObject")).toList();
        assertThat(puts).singleElement().satisfies(put -> {
            assertThat(put.logicalId()).isEqualTo(roleOf("PlanRunFunction"));
            assertThat(put.resources()).containsExactly(Map.of("Fn::Sub", "${WorkBucket.Arn}/" + prefix + "*"));
        });
    }

    @Test
    void everyFunctionLogsToItsOwnLogGroupKeptThirtyDays() {
        Set<String> groups = new HashSet<>();
        for (String id : FUNCTIONS.keySet()) {
            Optional<String> group = ref(at(properties(template, id), "LoggingConfig", "LogGroup"));
            assertThat(group).as("%s's LoggingConfig.LogGroup", id).isPresent();
            assertThat(groups.add(group.get())).as("%s has a log group of its own", id).isTrue();
            assertThat(Cfn.resourcesOfType(template, "AWS::Logs::LogGroup")).containsKey(group.get());
            assertThat(properties(template, group.get()).get("RetentionInDays")).isEqualTo(30);
        }
    }

    // ------------------------------------------------------------------ parameters

    @Test
    void parametersAreTheContractsWithDefaultsAndDescriptions() {
        Map<String, Object> parameters = map(template.get("Parameters"));
        assertThat(parameters.keySet()).containsAll(PARAMETERS.keySet());
        PARAMETERS.forEach((name, expectedDefault) -> {
            Map<String, Object> parameter = map(parameters.get(name));
            Object actualDefault = parameter.get("Default");
            assertThat(actualDefault == null ? null : String.valueOf(actualDefault))
                .as("%s's default", name).isEqualTo(expectedDefault);
        });
        parameters.forEach((name, parameter) ->
            assertThat((String) map(parameter).get("Description")).as("%s's Description", name).isNotBlank());
    }

    @Test
    void conditionsAndRulesGuardTheRedshiftTarget() {
        assertThat(map(template.get("Conditions"))).containsKeys(CONDITIONS.toArray(String[]::new));
        // Exactly one of cluster and workgroup: an assertion mentioning both.
        assertThat(map(template.get("Rules")).values())
            .anySatisfy(rule -> assertThat(String.valueOf(map(rule).get("Assertions")))
                .contains("RedshiftClusterId").contains("RedshiftWorkgroupArn"));
    }

    // ------------------------------------------------------------------ IAM

    @Test
    void everyFunctionThatTouchesStatementsSharesOneExecutionRole() {
        Set<String> sqlRoles = new TreeSet<>();
        for (String id : SQL_STEP_FUNCTIONS) {
            sqlRoles.add(roleOf(id));
        }
        assertThat(sqlRoles).as("roles of the SQL-step functions").hasSize(1);
        assertThat(Cfn.resourcesOfType(template, "AWS::IAM::Role")).containsKey(sqlRoles.iterator().next());
    }

    @Test
    void sqlStepRoleMaySubmitToTheTargetAndFollowItsStatements() {
        String role = roleOf("CreateTablesFunction");
        List<IamStatements.Statement> statements = IamStatements.of(template).stream()
            .filter(s -> s.logicalId().equals(role)).toList();
        assertThat(statements).anySatisfy(s -> {
            assertThat(s.actions()).contains("redshift-data:ExecuteStatement", "redshift-data:BatchExecuteStatement");
            assertThat(s.resources()).doesNotContain("*");
        });
        assertThat(statements).anySatisfy(s -> assertThat(s.actions())
            .contains("redshift-data:DescribeStatement", "redshift-data:GetStatementResult",
                "redshift-data:CancelStatement"));
        // S3: list only the two dataset prefixes, write only under the work bucket's manifests/.
        assertThat(statements).anySatisfy(s -> {
            assertThat(s.actions()).containsExactly("s3:ListBucket");
            assertThat(String.valueOf(s.body().get("Condition"))).contains("SongPrefix").contains("LogPrefix");
        });
        assertThat(statements).anySatisfy(s -> {
            assertThat(s.actions()).containsExactly("s3:PutObject");
            assertThat(String.valueOf(s.resources())).contains("manifests/");
        });
    }

    @Test
    void noStatementGrantsAWildcardAction() {
        List<IamStatements.Statement> statements = IamStatements.of(template);
        assertThat(statements).isNotEmpty();
        for (IamStatements.Statement statement : statements) {
            assertThat(statement.body()).as("%s", statement).doesNotContainKeys("NotAction", "NotResource");
            if (isKeyAdministrationByTheAccount(statement)) {
                continue;
            }
            assertThat(statement.actions()).as("%s", statement).isNotEmpty()
                .allSatisfy(action -> assertThat(String.valueOf(action)).doesNotContain("*"));
        }
    }

    @Test
    void resourceStarOnlyForActionsThatSupportNoResourceType() {
        for (IamStatements.Statement statement : IamStatements.of(template)) {
            if (statement.isKeyPolicy()) {
                continue; // in a key policy, "*" means the key itself
            }
            if (statement.resources().contains("*")) {
                assertThat(statement.actions()).as("%s", statement)
                    .allSatisfy(action -> assertThat(ACTIONS_WITHOUT_RESOURCE_TYPE).contains((String) action));
            }
        }
    }

    @Test
    void noAwsManagedPoliciesOrFullAccessShortcuts() {
        for (String id : List.of(STATE_MACHINE)) {
            assertThat(IamStatements.samPolicyTemplates(template, id))
                .as("%s's Policies", id)
                .allSatisfy(policy -> assertThat(policy).isInstanceOf(Map.class));
        }
        Cfn.resourcesOfType(template, "AWS::IAM::Role").forEach((id, role) ->
            assertThat(map(role.get("Properties"))).as(id).doesNotContainKey("ManagedPolicyArns"));
    }

    // ------------------------------------------------------------------ state machine

    @Test
    void definitionSubstitutionsAreTheContractsAliasArnsAndTopic() {
        Map<String, Object> substitutions = substitutions();
        Set<String> expected = new HashSet<>();
        for (String id : FUNCTIONS.keySet()) {
            expected.add(id + "Arn");
            assertThat(ref(substitutions.get(id + "Arn"))).as(id + "Arn").contains(id + ".Alias");
        }
        expected.add("AlertTopicArn");
        assertThat(ref(substitutions.get("AlertTopicArn"))).contains("AlertTopic");
        assertThat(substitutions.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(properties(template, STATE_MACHINE).get("DefinitionUri")).isEqualTo("statemachine/etl.asl.json");
    }

    @Test
    void everyPlaceholderInTheDefinitionIsSubstitutedAndEverySubstitutionIsUsed() throws IOException {
        Set<String> placeholders = definition().placeholders();
        assertThat(placeholders).as("placeholders in the definition")
            .isSubsetOf(substitutions().keySet());
        assertThat(substitutions().keySet()).as("DefinitionSubstitutions used by the definition")
            .isSubsetOf(placeholders);
    }

    @Test
    void everyFunctionTheDefinitionInvokesIsCoveredByALambdaInvokePolicyAndCalledThroughItsAlias()
        throws IOException {
        Set<String> allowed = new HashSet<>();
        for (Object policy : IamStatements.samPolicyTemplates(template, STATE_MACHINE)) {
            Object invoke = map(policy).get("LambdaInvokePolicy");
            if (invoke != null) {
                ref(map(invoke).get("FunctionName")).ifPresent(allowed::add);
            }
        }
        List<String> invoked = new ArrayList<>();
        for (StateMachineDefinition.Task task : definition().tasks()) {
            if (!task.invokesLambda()) {
                continue;
            }
            String target;
            if (StateMachineDefinition.isPlaceholder(task.resource())) {
                target = task.resource();
            } else {
                JsonNode functionName = task.arguments().get("FunctionName");
                assertThat(functionName).as("%s names its function statically in FunctionName", task.name())
                    .isNotNull();
                target = functionName.asText();
            }
            assertThat(StateMachineDefinition.isPlaceholder(target))
                .as("%s's function %s is one ${...} substitution", task.name(), target).isTrue();
            String key = StateMachineDefinition.placeholdersIn(target).iterator().next();
            Optional<String> alias = ref(substitutions().get(key));
            assertThat(alias).as("%s's substitution %s is a function alias", task.name(), key)
                .hasValueSatisfying(a -> assertThat(a).endsWith(".Alias"));
            String function = alias.get().substring(0, alias.get().length() - ".Alias".length());
            assertThat(allowed).as("LambdaInvokePolicy functions (for %s)", task.name()).contains(function);
            invoked.add(function);
        }
        assertThat(invoked).as("functions the definition invokes").isNotEmpty();
    }

    @Test
    void theTopicTheDefinitionPublishesToIsCoveredBySnsPublishMessagePolicy() throws IOException {
        Set<String> topics = new HashSet<>();
        for (Object policy : IamStatements.samPolicyTemplates(template, STATE_MACHINE)) {
            Object publish = map(policy).get("SNSPublishMessagePolicy");
            if (publish != null) {
                getAtt(map(publish).get("TopicName"), "TopicName").ifPresent(topics::add);
            }
        }
        for (StateMachineDefinition.Task task : definition().tasks()) {
            if (task.publishesToSns()) {
                String topicArn = task.arguments().path("TopicArn").asText();
                assertThat(StateMachineDefinition.isPlaceholder(topicArn)).as("%s's TopicArn", task.name()).isTrue();
                String key = StateMachineDefinition.placeholdersIn(topicArn).iterator().next();
                assertThat(ref(substitutions().get(key)).orElse("")).isIn(topics);
            }
        }
    }

    @Test
    void stateMachineLogsEverythingAndIsTraced() {
        Map<String, Object> machine = properties(template, STATE_MACHINE);
        assertThat(at(machine, "Logging", "Level")).isEqualTo("ALL");
        assertThat(at(machine, "Logging", "IncludeExecutionData")).isEqualTo(true);
        Object destination = list(at(machine, "Logging", "Destinations")).get(0);
        String group = getAtt(at(destination, "CloudWatchLogsLogGroup", "LogGroupArn"), "Arn").orElseThrow();
        assertThat(String.valueOf(properties(template, group).get("LogGroupName"))).contains("/aws/vendedlogs/states/");
        assertThat(at(machine, "Tracing", "Enabled")).isEqualTo(true);
    }

    @Test
    void aScheduleAndNewDataObjectsStartARun() {
        Map<String, Object> events = map(properties(template, STATE_MACHINE).get("Events"));
        assertThat(events.values()).anySatisfy(event -> {
            assertThat(map(event).get("Type")).isEqualTo("Schedule");
            assertThat(ref(at(event, "Properties", "Schedule"))).contains("ScheduleExpression");
        });
        assertThat(events.values()).anySatisfy(event -> {
            assertThat(map(event).get("Type")).isEqualTo("EventBridgeRule");
            Map<String, Object> pattern = map(at(event, "Properties", "Pattern"));
            assertThat(list(pattern.get("source"))).containsExactly("aws.s3");
            assertThat(list(pattern.get("detail-type"))).containsExactly("Object Created");
            assertThat(list(at(pattern, "detail", "bucket", "name"))).containsExactly(Map.of("Ref", "DataBucket"));
            assertThat(list(at(pattern, "detail", "object", "key"))).containsExactlyInAnyOrder(
                Map.of("prefix", Map.of("Ref", "LogPrefix")), Map.of("prefix", Map.of("Ref", "SongPrefix")));
        });
    }

    @Test
    void failedAndTimedOutRunsRaiseAlarmsOnTheAlertTopic() {
        Map<String, Map<String, Object>> alarms = Cfn.resourcesOfType(template, "AWS::CloudWatch::Alarm");
        for (String metric : List.of("ExecutionsFailed", "ExecutionsTimedOut")) {
            assertThat(alarms.values()).as(metric).anySatisfy(alarm -> {
                Map<String, Object> p = map(alarm.get("Properties"));
                assertThat(p.get("Namespace")).isEqualTo("AWS/States");
                assertThat(p.get("MetricName")).isEqualTo(metric);
                assertThat(list(p.get("Dimensions"))).containsExactly(
                    Map.of("Name", "StateMachineArn", "Value", Map.of("Ref", STATE_MACHINE)));
                assertThat(list(p.get("AlarmActions"))).containsExactly(Map.of("Ref", "AlertTopic"));
            });
        }
        assertThat(properties(template, "AlertTopic")).containsKey("KmsMasterKeyId");
        assertThat(map(Cfn.resources(template).get("AlertEmailSubscription")).get("Condition"))
            .isEqualTo("HasAlertEmail");
    }

    @Test
    void outputsTheStateMachineTheWorkBucketAndTheTopic() {
        List<Object> values = map(template.get("Outputs")).values().stream().map(o -> map(o).get("Value")).toList();
        assertThat(values).contains(Map.of("Ref", STATE_MACHINE), Map.of("Ref", "WorkBucket"),
            Map.of("Ref", "AlertTopic"));
    }

    // ------------------------------------------------------------------ helpers

    private static Map<String, Object> substitutions() {
        return map(properties(template, STATE_MACHINE).get("DefinitionSubstitutions"));
    }

    private static StateMachineDefinition definition() throws IOException {
        Path file = root.resolve(String.valueOf(properties(template, STATE_MACHINE).get("DefinitionUri")));
        if (!Files.isRegularFile(file)) {
            fail("the state machine definition " + root.relativize(file) + " does not exist");
        }
        return StateMachineDefinition.load(file);
    }

    /** The logical id of the AWS::IAM::Role a function runs as ({@code Role: !GetAtt X.Arn}). */
    private static String roleOf(String functionId) {
        return getAtt(properties(template, functionId).get("Role"), "Arn")
            .orElseThrow(() -> new AssertionError(functionId + " has no Role: !GetAtt <role>.Arn"));
    }

    /** The default key policy statement: the account root may administer the key through IAM. */
    private static boolean isKeyAdministrationByTheAccount(IamStatements.Statement statement) {
        if (!statement.isKeyPolicy()) {
            return false;
        }
        Object principal = at(statement.body(), "Principal", "AWS");
        return principal instanceof Map<?, ?> sub
            && String.valueOf(sub.get("Fn::Sub")).equals("arn:${AWS::Partition}:iam::${AWS::AccountId}:root");
    }

    private static Document xml(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    private static String childText(Element parent, String name) {
        NodeList children = parent.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof Element child && child.getTagName().equals(name)) {
                return child.getTextContent().trim();
            }
        }
        return null;
    }

    private static String firstText(Element parent, String name) {
        NodeList found = parent.getElementsByTagName(name);
        assertThat(found.getLength()).as("<%s> under <%s>", name, parent.getTagName()).isPositive();
        return found.item(0).getTextContent().trim();
    }
}
